import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';

import { readRecords } from '../activities/input/read-records.js';
import { loadRdkit, type RDKitModule } from '../chem/rdkit.js';
import { validateStructure } from '../chem/validate.js';
import { outputFormatOf, writeResults } from '../client/export.js';
import { BatchStore, openStore, type StagedRecord } from '../store/index.js';
import { readCsv } from './cli.js';
import { collect, tempFile } from './helpers.js';

const sdfFixture = path.join(process.cwd(), 'test', 'fixtures', 'freesolv-v2000.sdf');

/** Validates staged records with RDKit and stores a result for each, as a chunk would. */
async function validateAll(store: BatchStore, batchId: string, records: StagedRecord[]) {
  const rdkit = await loadRdkit();
  await store.saveResults(batchId, records.map((record) => {
    const checked = record.readError === null && record.input !== null
      ? validateStructure(rdkit, record.input)
      : null;
    if (checked === null) {
      return {
        recordIndex: record.recordIndex, status: 'error' as const, issues: 'unreadable-record',
        message: record.readError ?? 'no structure', score: 0, findings: '[]', properties: null,
      };
    }
    const { issues, findings, properties, ...values } = checked;
    return {
      ...values, recordIndex: record.recordIndex, issues: issues.join(';'),
      findings: JSON.stringify(findings), properties: JSON.stringify(properties),
    };
  }));
}

/** A small batch: the V2000 fixture with a damaged record, then SMILES rows. */
async function batchRecords(): Promise<StagedRecord[]> {
  const text = fs.readFileSync(sdfFixture, 'utf8');
  const damaged = text.replace(/M {2}END\n(?=> <expt>\n-4\.87)/, '');
  const sdf = await collect(readRecords(tempFile('b.sdf', damaged)));
  const smiText = 'CCO ethanol\nC1CC ring\nCC(C)(C)(C)C bad\n';
  const smi = await collect(readRecords(tempFile('b.smi', smiText)));
  return [...sdf, ...smi.map((r, i) => ({ ...r, recordIndex: sdf.length + i }))];
}

describe('writing results', () => {
  let orm: MikroORM;
  let store: BatchStore;
  let records: StagedRecord[];
  const batchId = `export-${crypto.randomBytes(4).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-export-'));
  let rdkit: RDKitModule;

  beforeAll(async () => {
    orm = await openStore({ home: dir });
    store = new BatchStore(orm);
    records = await batchRecords();
    await store.ensureBatch(
      { id: batchId, workflowId: batchId, sourcePath: 'b.sdf', submitter: 't' });
    await store.stageRecords(batchId, records);
    await validateAll(store, batchId, records);
    rdkit = await loadRdkit();
  }, 60_000);
  afterAll(async () => orm?.close());

  test('the output format follows the extension, and an unknown one is refused', () => {
    expect(['a.csv', 'a.SDF', 'a.jsonl'].map(outputFormatOf)).toEqual(['csv', 'sdf', 'jsonl']);
    expect(() => outputFormatOf('out.xlsx')).toThrow(/out\.xlsx: unknown results file type/);
  });

  test('the SDF has one record per result; each opens in RDKit and keeps its data', async () => {
    const file = path.join(dir, 'out.sdf');
    expect(await writeResults(store, batchId, file, 'sdf')).toBe(records.length);

    const back = await collect(readRecords(file));
    expect(back).toHaveLength(records.length);
    for (const record of back) {
      expect(record.readError).toBeNull();
      const mol = rdkit.get_mol(record.input as string);
      expect(mol?.is_valid()).toBe(true);
      mol?.delete();
      expect(record.properties).toMatchObject({ index: String(record.recordIndex) });
    }
    expect(back[0].properties).toMatchObject({ status: 'pass', score: '100', expt: '-11.01' });
    expect(back[0].name).toBe('4-methoxy-N,N-dimethyl-benzamide');
  });

  test('an unreadable record is an empty molblock that still carries its properties', async () => {
    const file = path.join(dir, 'out2.sdf');
    await writeResults(store, batchId, file, 'sdf');
    const back = await collect(readRecords(file));

    expect(back[1].input).toMatch(
      /^methanesulfonyl chloride\n[\s\S]* {2}0 {2}0 .*V2000\nM {2}END\n$/);
    expect(back[1].properties).toMatchObject({ status: 'error', expt: '-4.87' });
    expect(back[1].properties?.message).toMatch(/record 2 .*no `M {2}END`/);
  });

  test('SMILES results get a molblock of the canonical SMILES, titled with the name', async () => {
    const file = path.join(dir, 'out3.sdf');
    await writeResults(store, batchId, file, 'sdf');
    const back = await collect(readRecords(file));
    const ethanol = back[records.length - 3];

    expect(ethanol.name).toBe('ethanol');
    expect(ethanol.properties).toMatchObject({ input: 'CCO', canonical_smiles: 'CCO' });
    expect(ethanol.input).toMatch(/ {2}3 {2}2 .*V2000/);
  });

  test('JSONL has one object per result with findings and properties parsed', async () => {
    const file = path.join(dir, 'out.jsonl');
    await writeResults(store, batchId, file, 'jsonl');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));

    expect(lines).toHaveLength(records.length);
    expect(lines[0]).toMatchObject(
      { index: 0, status: 'pass', inputProperties: { expt: '-11.01' } });
    expect(Array.isArray(lines[0].findings)).toBe(true);
    expect(typeof lines[0].properties).toBe('object');
    const bad = lines[lines.length - 1];
    expect(bad.status).toBe('fail');
    expect(bad.issues).toEqual(bad.findings.map((f: { code: string }) => f.code));
  });

  test('the CSV keeps its columns and gains issues and score', async () => {
    const file = path.join(dir, 'out.csv');
    await writeResults(store, batchId, file, 'csv');
    const rows = await readCsv(file);

    expect(rows).toHaveLength(records.length);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['issues', 'score', 'inchikey']));
    const last = rows[rows.length - 1];
    expect(last).toMatchObject({ status: 'fail', score: expect.stringMatching(/^\d+$/) });
  });
});
