import path from 'node:path';

import { readRecords } from '../activities/input/read-records.js';
import { UnreadableBatchError } from '../activities/input/errors.js';
import { findColumns } from '../activities/input/columns.js';
import { collect, tempFile } from './helpers.js';

const fixtures = path.join(process.cwd(), 'test', 'fixtures');

describe('reading a batch source', () => {
  test('a CSV with a BOM, CRLF and quoted commas keeps every row in order', async () => {
    const records = await collect(readRecords(path.join(fixtures, 'mixed.csv')));

    expect(records.map((r) => r.recordIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(records[0]).toMatchObject({ line: 2, name: 'aspirin', input: 'CC(=O)Oc1ccccc1C(=O)O' });
    expect(records[3].name).toBe('pentavalent, carbon');
    expect(records[2]).toMatchObject({ input: null, name: '2-methylpropan-2-ol', readError: null });
  });

  test('a row with neither structure nor name is an error record with its line', async () => {
    const records = await collect(readRecords(path.join(fixtures, 'mixed.csv')));

    expect(records[6]).toMatchObject({ line: 8, input: null, name: null });
    expect(records[6].readError).toMatch(/neither a structure nor a name/);
  });

  test('header names are matched case-insensitively, with common synonyms', () => {
    expect(findColumns(['Compound ID', 'Canonical_SMILES'])).toEqual({ structure: 1, name: 0 });
    expect(findColumns(['iupac', 'smiles', 'expt'])).toEqual({ structure: 1, name: 0 });
    expect(findColumns(['IUPAC'])).toEqual({ structure: null, name: 0 });
  });

  test('a TSV is split on tabs, not commas', async () => {
    const file = tempFile('t.tsv', 'name\tsmiles\nsalt, sodium\tCC(=O)[O-].[Na+]\n');
    const [record] = await collect(readRecords(file));

    expect(record).toMatchObject({ name: 'salt, sodium', input: 'CC(=O)[O-].[Na+]', line: 2 });
  });

  test('a .smi file gives structure then name, skipping blanks and comments', async () => {
    const records = await collect(readRecords(path.join(fixtures, 'small.smi')));

    expect(records).toEqual([
      { recordIndex: 0, line: 1, name: 'ethanol', input: 'CCO', readError: null },
      { recordIndex: 1, line: 3, name: 'benzene ring', input: 'c1ccccc1', readError: null },
      { recordIndex: 2, line: 5, name: null, input: 'C1CC', readError: null },
    ]);
  });

  test('a header without a structure or name column is refused, naming the file and line', async () => {
    const file = tempFile('bad.csv', 'foo,bar\n1,2\n');

    await expect(collect(readRecords(file))).rejects.toThrow(UnreadableBatchError);
    await expect(collect(readRecords(file))).rejects.toThrow(/bad\.csv:1: no structure or name column/);
  });

  test('an unterminated quote becomes an error record instead of ending the batch', async () => {
    const file = tempFile('q.csv', 'smiles,name\nCCO,ethanol\nCCC,"propane\n');
    const records = await collect(readRecords(file));

    expect(records[0]).toMatchObject({ input: 'CCO', readError: null });
    expect(records).toHaveLength(2);
    expect(records[1].readError).toMatch(/unreadable row/);
  });

  test('a missing file is an unreadable batch', async () => {
    await expect(collect(readRecords('/nonexistent/x.csv'))).rejects.toThrow(/x\.csv: cannot be read/);
  });
});
