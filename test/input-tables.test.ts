import fs from 'node:fs';

import { readRecords } from '../activities/input/read-records.js';
import { detectDelimiter, looksLikeSmiles } from '../activities/input/sniff.js';
import { splitSmiLine } from '../activities/input/smi.js';
import { collect, tempFile } from './helpers.js';
import { sharedData } from './shared-data.js';

/** The first `count` lines of the shared PubChem validation set, as a file of its own. */
function pubchemHead(count: number): string {
  const lines = fs.readFileSync(sharedData('pubchem-100k-validation.tsv'), 'utf8').split('\n').slice(0, count);
  return tempFile('pubchem-head.tsv', `${lines.join('\n')}\n`);
}

describe('reading CSV and TSV tables', () => {
  test('semicolon separators are detected from the header line', async () => {
    const text = '\uFEFFName;SMILES;logP\r\n"ethanol; absolute";CCO;-0.31\r\n';
    const file = tempFile('semi.csv', text);
    const [record] = await collect(readRecords(file));

    expect(record).toMatchObject({ name: 'ethanol; absolute', input: 'CCO', line: 2 });
    expect(record.properties).toEqual({ logP: '-0.31' });
  });

  test('a comma inside quotes does not decide the delimiter', () => {
    expect(detectDelimiter('"a, b, c";smiles', ',')).toBe(';');
    expect(detectDelimiter('smiles', '\t')).toBe('\t');
  });

  test('header synonyms find the structure and the name columns', async () => {
    const file = tempFile('syn.csv', 'IUPAC,Canonical_SMILES,expt\nethanol,CCO,1\n');
    const [record] = await collect(readRecords(file));

    expect(record).toMatchObject({ name: 'ethanol', input: 'CCO', properties: { expt: '1' } });
  });

  test('a headerless TSV with SMILES first reads every row, other columns as properties',
    async () => {
      const records = await collect(readRecords(pubchemHead(50)));

      expect(records).toHaveLength(50);
      expect(records[0]).toMatchObject({
        line: 1, input: 'CCOC(=O)c1cc(-c2ccccn2)c(=O)n2ccccc12', name: null, readError: null,
        properties: { column2: '[]' },
      });
      expect(records.map((r) => r.line)).toEqual([...records.keys()].map((i) => i + 1));
    });

  test('the whole PubChem validation set reads as one batch, one record per line', async () => {
    const lines = fs.readFileSync(pubchemHead(Infinity), 'utf8').trimEnd().split('\n').length;
    let count = 0;
    for await (const record of readRecords(sharedData('pubchem-100k-validation.tsv'))) {
      count += record.readError === null && record.input !== null ? 1 : 0;
    }

    expect(count).toBe(lines);
  });

  test('a very long structure or name is an error record, not a crashed batch', async () => {
    const long = 'C'.repeat(1_200_000);
    const longName = 'x'.repeat(20_000);
    const file = tempFile('long.csv', `smiles,name\n${long},big\nCCO,${longName}\nCC,ok\n`);
    const records = await collect(readRecords(file));

    expect(records[0].readError).toMatch(/structure has 1,200,000 characters, more than/);
    expect(records[0].input?.length).toBeLessThan(300);
    expect(records[1].readError).toMatch(/name has 20,000 characters/);
    expect(records[2]).toMatchObject({ input: 'CC', readError: null });
  });

  test('words that are no SMILES are not taken for a headerless first row', () => {
    expect(['foo', 'name', 'ID', 'value', ''].map(looksLikeSmiles)).toEqual(
      [false, false, false, false, false]);
    expect(['CCO', 'c1ccccc1', 'C[C@H](N)C(=O)O', 'CC |$A;B$|', '[Na+].[Cl-]']
      .map(looksLikeSmiles)).toEqual([true, true, true, true, true]);
  });
});

describe('reading .smi files', () => {
  test('a CXSMILES part belongs to the structure, the rest of the line to the name', () => {
    expect(splitSmiLine('CC |$A;B$| my ethane')).toEqual(
      { structure: 'CC |$A;B$|', name: 'my ethane' });
    expect(splitSmiLine('C[C@H](O)CC |&1:1|')).toEqual(
      { structure: 'C[C@H](O)CC |&1:1|', name: null });
  });

  test('names after tabs or spaces keep their own inner spacing', async () => {
    const file = tempFile('n.smi', 'SMILES Name\nCCO\tethyl  alcohol\nCC |$A;B$|\tlabelled\n');
    const records = await collect(readRecords(file));

    expect(records.map((r) => [r.line, r.input, r.name])).toEqual([
      [2, 'CCO', 'ethyl  alcohol'],
      [3, 'CC |$A;B$|', 'labelled'],
    ]);
  });
});
