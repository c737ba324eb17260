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
      { recordIndex: 0, line: 1, name: 'ethanol', input: 'CCO', readError: null, properties: null },
      { recordIndex: 1, line: 3, name: 'benzene ring', input: 'c1ccccc1', readError: null, properties: null },
      { recordIndex: 2, line: 5, name: null, input: 'C1CC', readError: null, properties: null },
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

  test('regression: mixed CRLF and LF line ends keep every row', async () => {
    const file = tempFile('mixed.csv', 'smiles,name\r\nCCO,r1\r\nCCN,r2\r\nCCC,r3\nCCCC,r4\n');
    const records = await collect(readRecords(file));

    expect(records.map((r) => r.name)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  test('regression: a bad row in the middle keeps its place in input order', async () => {
    const file = tempFile('bad.csv', 'smiles,name\nCCO,r1\nCCN,r2\nCC"O,r3\nCCC,r4\n');
    const records = await collect(readRecords(file));

    expect(records.map((r) => r.name ?? 'bad')).toEqual(['r1', 'r2', 'bad', 'r4']);
    expect(records[2]).toMatchObject({ recordIndex: 2, line: 4 });
    expect(records[2].readError).toMatch(/^unreadable row: /);
  });

  test('regression: a record spanning lines reports the line it starts on', async () => {
    const file = tempFile('multi.csv', 'smiles,name\nCCO,"multi\nline\nname"\nCCN,r2\n');
    const records = await collect(readRecords(file));

    expect(records.map((r) => r.line)).toEqual([2, 5]);
    expect(records[0].name).toBe('multi\nline\nname');
  });

  test('regression: bytes that are not UTF-8 make the row an error instead of a silent edit', async () => {
    const bytes = Buffer.concat([Buffer.from('smiles,name\nCCO,'), Buffer.from([0xe9]), Buffer.from('thanol\nCCN,ok\n')]);
    const records = await collect(readRecords(tempFile('latin1.csv', bytes)));

    expect(records[0].readError).toMatch(/not valid UTF-8/);
    expect(records[1].readError).toBeNull();
  });
});
