import fs from 'node:fs';
import path from 'node:path';

import { readRecords } from '../activities/input/read-records.js';
import { loadRdkit } from '../chem/rdkit.js';
import { readCsv, runCli, workDir } from './cli.js';
import { collect } from './helpers.js';

const fixtures = path.join(process.cwd(), 'test', 'fixtures');

/** Both SD fixtures, then a record without `M  END` and a truncated tail: 26 records. */
function batchFile(dir: string): string {
  const v2000 = fs.readFileSync(path.join(fixtures, 'freesolv-v2000.sdf'), 'utf8');
  const v3000 = fs.readFileSync(path.join(fixtures, 'esol-v3000.sdf'), 'utf8');
  const [first] = v2000.split(/(?<=\$\$\$\$\n)/);
  const noEnd = first.replace('M  END\n', '');
  const truncated = first.slice(0, first.indexOf('  1  2  1'));
  const file = path.join(dir, 'batch.sdf');
  fs.writeFileSync(file, `${v2000}${v3000}${noEnd}${truncated}`);
  return file;
}

describe('molbatch run on an SD file', () => {
  const dir = workDir();
  const env = { MOLBATCH_HOME: path.join(dir, '.molbatch') };
  const out = path.join(dir, 'results.sdf');
  let input: string;
  let summary: Record<string, number | string>;

  beforeAll(async () => {
    input = batchFile(dir);
    const summaryFile = path.join(dir, 'summary.json');
    const run = await runCli(
      ['run', input, '--out', out, '--summary', summaryFile, '--chunk-size', '5'], env);
    if (run.code !== 0) {
      throw new Error(`molbatch run exited ${run.code}:\n${run.stderr}`);
    }
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  }, 300_000);

  test('records in equals records accounted for', () => {
    const counted = Number(summary.passed) + Number(summary.warned) + Number(summary.failed) +
      Number(summary.errored);

    expect(summary.total).toBe(26);
    expect(counted).toBe(26);
  });

  test('the written SDF has every record, each opens in RDKit with its results', async () => {
    const rdkit = await loadRdkit();
    const back = await collect(readRecords(out));

    expect(back).toHaveLength(26);
    for (const record of back) {
      const mol = rdkit.get_mol(record.input as string);
      expect(mol?.is_valid()).toBe(true);
      mol?.delete();
    }
    expect(back[0].properties).toMatchObject({ status: 'pass', expt: '-11.01', line: '1' });
    expect(back[12].properties).toMatchObject({ 'measured log solubility': '-0.77' });
  });

  test('the damaged records are error results naming their record number', async () => {
    const back = await collect(readRecords(out));

    expect(back[24].properties).toMatchObject({ status: 'error', issues: 'unreadable-record' });
    expect(back[24].properties?.message).toMatch(/SD record 25 \(line \d+\): no `M {2}END`/);
    expect(back[25].properties?.message).toMatch(/SD record 26 .*truncated/);
  });

  test('molbatch results writes the stored batch again as JSONL and as CSV', async () => {
    const jsonl = path.join(dir, 'again.jsonl');
    const csv = path.join(dir, 'again.csv');
    const batchId = String(summary.batchId);

    const asJsonl = await runCli(['results', batchId, '--out', jsonl], env);
    const asCsv = await runCli(['results', batchId, '--format', 'csv', '--out', csv], env);

    expect(asJsonl).toMatchObject({ code: 0, stdout: expect.stringMatching(/^26 results of/) });
    expect(asCsv.code).toBe(0);
    const lines = fs.readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.index)).toEqual([...Array(26).keys()]);
    expect(lines[0].inputProperties).toMatchObject({ expt: '-11.01' });
    expect((await readCsv(csv)).map((r) => r.status)).toEqual(lines.map((l) => l.status));
  });

  test('molbatch results names a batch the store does not have', async () => {
    const run = await runCli(['results', 'no-such-batch', '--out', path.join(dir, 'x.csv')], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no batch no-such-batch in /);
  });

  test('an unknown results type stops the run before any batch starts', async () => {
    const run = await runCli(['run', input, '--out', path.join(dir, 'results.xlsx')], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/results\.xlsx: unknown results file type "\.xlsx"/);
    expect(run.stderr).not.toMatch(/submitted/);
  });
});
