import { loadRdkit, type RDKitModule } from '../chem/rdkit.js';
import { scoreHistogram } from '../client/report/chart.js';
import { collectReport } from '../client/report/collect.js';
import { depict } from '../client/report/depict.js';
import { offendingAtoms, parseFindings } from '../client/report/findings.js';
import { escapeHtml } from '../client/report/html.js';
import type { BatchStore, ResultRow } from '../store/index.js';

/** A result row with the fields the report reads; the rest are blank. */
function row(recordIndex: number, values: Partial<ResultRow>): ResultRow {
  return {
    recordIndex, line: recordIndex + 2, name: null, input: 'C', converted: null, status: 'pass',
    message: '', issues: '', canonicalSmiles: null, inchikey: null, formula: null, mw: null,
    score: 100, findings: [], properties: null, inputProperties: null, ...values,
  };
}

/** A store that yields the given pages of results, as BatchStore.readResults does. */
function storeOf(...pages: ResultRow[][]): BatchStore {
  return { readResults: async function* () { yield* pages; } } as unknown as BatchStore;
}

const valence = [{ code: 'valence', severity: 'error',
  message: 'Explicit valence for atom # 3 N, 4, is greater than permitted' }];

describe('report findings', () => {
  test('atoms a finding carries are the offending atoms, deduplicated and sorted', () => {
    const findings = parseFindings(JSON.stringify([
      { code: 'charged', severity: 'warning', message: 'net charge +1', atoms: [4, 2] },
      { code: 'radical', severity: 'warning', message: '1 radical electron', atoms: [2] },
    ]));
    expect(offendingAtoms(findings)).toEqual([2, 4]);
  });

  test("RDKit's valence and kekulize messages name the atoms when a finding carries none", () => {
    expect(offendingAtoms(parseFindings(valence))).toEqual([3]);
    const kekulize = [{ code: 'kekulize', severity: 'error',
      message: "Can't kekulize mol.  Unkekulized atoms: 0 1 2 3 4" }];
    expect(offendingAtoms(parseFindings(JSON.stringify(kekulize)))).toEqual([0, 1, 2, 3, 4]);
  });

  test('malformed findings JSON gives no findings instead of an error', () => {
    expect(parseFindings('{not json')).toEqual([]);
    expect(parseFindings(JSON.stringify([{ code: 1 }, 'x']))).toEqual([]);
    expect(parseFindings(null)).toEqual([]);
  });
});

describe('report data', () => {
  test('scores fall into ten bins, 100 in the last; rows without a score stay out', async () => {
    const data = await collectReport(storeOf(
      [row(0, { score: 100 }), row(1, { score: 0, status: 'error' }), row(2, { score: 95 })],
      [row(3, { score: 80, status: 'fail', findings: valence }), row(4, { score: null })],
    ), 'b', 50);
    expect(data.scoreBins).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(data.total).toBe(5);
    expect(data.scored).toBe(4);
    expect(data.meanScore).toBeCloseTo(275 / 4);
    expect(data.counts).toEqual({ pass: 3, warn: 0, fail: 1, error: 1 });
  });

  test('findings count molecules per code; only the first failing molecules are kept', async () => {
    const failing = [0, 1, 2].map((i) => row(i, { status: 'fail', findings: valence }));
    const data = await collectReport(storeOf(failing), 'b', 2);
    expect(data.findings).toEqual([{ code: 'valence', severity: 'error', molecules: 3,
      example: expect.stringContaining('atom # 3'), exampleLine: 2 }]);
    expect(data.failing.map((m) => m.recordIndex)).toEqual([0, 1]);
    expect(data.failing[0].atoms).toEqual([3]);
  });
});

describe('report drawing', () => {
  let rdkit: RDKitModule;
  beforeAll(async () => {
    rdkit = await loadRdkit();
  });

  test('an unsanitizable molecule is drawn with the given atoms highlighted', () => {
    const svg = depict(rdkit, 'CN(C)(C)(C)C', [1, 99]);
    expect(svg).toMatch(/^<svg/);
    expect(svg?.match(/<ellipse[^>]*class='atom-(\d+)'/g)).toEqual([
      expect.stringContaining("class='atom-1'"),
    ]);
  });

  test('a valid molecule is drawn kekulized, with a finding\'s atoms highlighted', () => {
    const svg = depict(rdkit, 'c1ccccc1[N+](=O)[O-]', [6]);
    expect(svg).toMatch(/<ellipse[^>]*class='atom-6'/);
    expect(svg).not.toMatch(/stroke-dasharray/);
  });

    test('text RDKit cannot read at all gives no drawing', () => {
    expect(depict(rdkit, 'C1CC(', [])).toBeNull();
  });

  test('markup characters are escaped for text and attributes', () => {
    const escaped = '&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;';
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe(escaped);
    expect(escapeHtml('bond type (\x11)')).toBe('bond type (\ufffd)');
  });

  test('the histogram has one bar per bin, the tallest full height and empty bins flat', () => {
    const svg = scoreHistogram([0, 5, 10]);
    const heights = [...svg.matchAll(/class="bar"[^>]* height="([\d.]+)"/g)]
      .map((m) => Number(m[1]));
    expect(heights).toHaveLength(3);
    expect(heights[0]).toBe(0);
    expect(heights[2]).toBeCloseTo(heights[1] * 2);
  });
});
