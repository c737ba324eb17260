import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from './browser.js';
import { runCli, workDir } from './cli.js';
import { APPENDED, writeReportBatch } from './fixtures/report-batch.js';

interface Summary {
  batchId: string;
  total: number;
  passed: number;
  warned: number;
  failed: number;
  errored: number;
}

/** Runs one CLI command and fails with its stderr when it does not exit 0. */
async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const run = await runCli(args, env);
  if (run.code !== 0) {
    throw new Error(`molbatch ${args[0]} exited ${run.code}:\n${run.stderr}`);
  }
  return run.stdout;
}

describe('molbatch report of a FreeSolv batch, rendered in headless Chromium', () => {
  const dir = workDir();
  const html = path.join(dir, 'report.html');
  const requests: string[] = [];
  const env = { MOLBATCH_HOME: path.join(dir, '.molbatch') };
  let summary: Summary;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    // Before the batch, so that a missing browser fails at once, naming the fix.
    browser = await launchChromium();
    const summaryFile = path.join(dir, 'summary.json');
    await cli(['run', writeReportBatch(dir), '--summary', summaryFile], env);
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as Summary;
    await cli(['report', summary.batchId, '--out', html], env);

    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    // Kept beside the report for a person to look at.
    await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
  }, 300_000);

  afterAll(async () => browser?.close());

  test('the batch holds FreeSolv and the appended failures, so there is something to draw', () => {
    expect(summary.total).toBe(642 + APPENDED.length);
    expect(summary.failed).toBe(3);
    expect(summary.errored).toBe(1);
  });

  test("the summary shows the batch's counts", async () => {
    const stats = await page.$$eval('[data-stat]', (cells) =>
      Object.fromEntries(cells.map((c) => [c.getAttribute('data-stat'), c.textContent])));
    expect(stats).toMatchObject({
      total: String(summary.total),
      pass: String(summary.passed),
      warn: String(summary.warned),
      fail: String(summary.failed),
      error: String(summary.errored),
    });
    expect(Number(stats['mean-score'])).toBeGreaterThan(0);
    expect(stats.duration).toMatch(/^\d+\.\d s$|^\d+:\d{2} min$/);
  });

  test('the histogram has one bar per score bin, heights adding up to the molecules', async () => {
    const bars = await page.$$eval('svg.histogram rect.bar', (rects) => rects.map((r) => ({
      count: Number(r.getAttribute('data-count')),
      height: r.getBoundingClientRect().height,
    })));
    expect(bars).toHaveLength(10);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(summary.total);

    // Rendered heights are proportional to the counts: in units of the tallest bar's
    // height per molecule they add up to the molecule count.
    const tallest = bars.reduce((a, b) => (b.count > a.count ? b : a));
    expect(tallest.height).toBeGreaterThan(100);
    const perMolecule = tallest.height / tallest.count;
    const molecules = bars.reduce((sum, bar) => sum + bar.height / perMolecule, 0);
    expect(molecules).toBeCloseTo(summary.total, 0);
  });

  test('the findings table lists the appended molecules\' codes and counts', async () => {
    const rows = await page.$$eval('table.findings tbody tr', (trs) => trs.map((tr) => ({
      code: tr.getAttribute('data-code'),
      molecules: Number(tr.querySelector('td.num')?.textContent),
    })));
    // Valence, kekulize and syntax failures are all parse-error, told apart by their kind.
    expect(rows).toEqual(expect.arrayContaining([{ code: 'parse-error', molecules: 4 }]));
  });

  test('each failing molecule is drawn by RDKit with its offending atoms highlighted', async () => {
    const figures = await page.$$eval('figure.molecule', (items) => items.map((figure) => {
      const svg = figure.querySelector('svg');
      const highlighted = [...figure.querySelectorAll('svg ellipse[class^="atom-"]')]
        .map((e) => Number(e.getAttribute('class')?.replace('atom-', '')));
      return {
        caption: figure.querySelector('figcaption')?.textContent ?? '',
        width: svg?.getBoundingClientRect().width ?? 0,
        highlighted,
      };
    }));

    const failing = APPENDED.filter((row) => row.atoms.length > 0);
    expect(figures).toHaveLength(summary.failed);
    failing.forEach((row, i) => {
      expect(figures[i].caption).toContain(row.name);
      expect(figures[i].width).toBeGreaterThan(200);
      expect(figures[i].highlighted.sort((a, b) => a - b)).toEqual(row.atoms);
    });
  });

  test('text from the input is shown as text, never as markup', async () => {
    expect(await page.$$('figcaption b')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(0);
    const unreadable = await page.$eval('table.unreadable tbody', (t) => t.textContent ?? '');
    expect(unreadable).toContain('C1CC(');
  });

  test('the page loads nothing but itself', () => {
    expect(requests).toEqual([pathToFileURL(html).href]);
  });

  test('a batch id the store does not know stops with an error that names it', async () => {
    const run = await runCli(['report', 'no-such-batch', '--out', path.join(dir, 'x.html')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no batch no-such-batch in sqlite:/);
    expect(fs.existsSync(path.join(dir, 'x.html'))).toBe(false);
  });
});
