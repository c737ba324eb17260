import fs from 'node:fs';
import path from 'node:path';

import { readRecords } from '../activities/input/read-records.js';
import { collect, tempFile } from './helpers.js';

const fixtures = path.join(process.cwd(), 'test', 'fixtures');
const v2000 = path.join(fixtures, 'freesolv-v2000.sdf');
const v3000 = path.join(fixtures, 'esol-v3000.sdf');

/** The records of a fixture as separate texts, each ending with its `$$$$` line. */
function recordTexts(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split(/(?<=\$\$\$\$\n)/);
}

function terminators(file: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l === '$$$$').length;
}

/** An SD file with one damaged record of each kind between good ones. */
function brokenFile(): string {
  const [good, noEnd, blankInside, crlf, latin1, shifted, good2, truncated] = recordTexts(v2000);
  const parts: Buffer[] = [
    Buffer.from(good),
    Buffer.from(noEnd.replace('M  END\n', '')),
    Buffer.from(blankInside.replace(/(\n {3,}-?\d+\.\d{4}.*\n)/, '$1\n')),
    Buffer.from(crlf.replace(/\n/g, '\r\n')),
    Buffer.from(latin1.replace(/> <expt>\n/, '> <expt>\nvaleur mesur\u00e9e '), 'latin1'),
    Buffer.from(`\n\n${shifted}`),
    Buffer.from(good2),
    Buffer.from(truncated.slice(0, truncated.indexOf('  1  2'))),
  ];
  return tempFile('broken.sdf', Buffer.concat(parts));
}

describe('reading SD files', () => {
  test('every V2000 record becomes an input record with its title, molfile and data', async () => {
    const records = await collect(readRecords(v2000));

    expect(records).toHaveLength(terminators(v2000));
    expect(records.map((r) => r.recordIndex)).toEqual([...records.keys()]);
    expect(records.every((r) => r.readError === null)).toBe(true);
    expect(records[0]).toMatchObject({ line: 1, name: '4-methoxy-N,N-dimethyl-benzamide' });
    expect(records[0].input).toMatch(/V2000\n[\s\S]*\nM {2}END\n$/);
    expect(records[0].properties).toEqual({
      expt: '-11.01', calc: '-9.625', smiles: 'CN(C)C(=O)c1ccc(cc1)OC',
    });
  });

  test('V3000 records are read the same way, lines counted from each record start', async () => {
    const records = await collect(readRecords(v3000));
    const lines = fs.readFileSync(v3000, 'utf8').split('\n');

    expect(records).toHaveLength(terminators(v3000));
    expect(records[1]).toMatchObject({ name: 'Fenfuram', readError: null });
    expect(lines[records[1].line - 1]).toBe('Fenfuram');
    expect(records[1].input).toContain('M  V30 BEGIN CTAB');
    expect(records[1].properties).toMatchObject({ 'measured log solubility': '-3.3' });
  });

  test('damaged records are error records with their number and line, none dropped', async () => {
    const records = await collect(readRecords(brokenFile()));

    expect(records.map((r) => r.readError === null)).toEqual(
      [true, false, false, true, false, false, true, false]);
    expect(records[1].readError).toMatch(/^unreadable SD record 2 \(line \d+\): no `M {2}END`/);
    expect(records[2].readError).toMatch(/record 3 .*blank line inside the atom and bond block/);
    expect(records[4].readError).toMatch(/record 5 .*<expt> is not valid UTF-8/);
    expect(records[5].readError).toMatch(/record 6 .*not a V2000 or V3000 counts line/);
    expect(records[7].readError).toMatch(/record 8 .*file ends inside this record.*truncated/);
  });

  test('an error record keeps its title and the SD data that could be read', async () => {
    const records = await collect(readRecords(brokenFile()));

    expect(records[1].name).toBe('methanesulfonyl chloride');
    expect(records[1].input).toMatch(/^methanesulfonyl chloride\n[\s\S]*> <expt>\n-4\.87\n/);
    expect(records[4].properties).toMatchObject({ calc: expect.any(String) });
  });

  test('a record with CRLF line ends among LF records reads like the others', async () => {
    const records = await collect(readRecords(brokenFile()));
    const [, , , plain] = await collect(readRecords(v2000));

    expect(records[3]).toMatchObject({ name: plain.name, input: plain.input, readError: null });
    expect(records[3].properties).toEqual(plain.properties);
  });

  test('a lone molfile without `$$$$` is one record; trailing blank lines are none', async () => {
    const [first] = recordTexts(v2000);
    const molfile = first.slice(0, first.indexOf('M  END') + 7);
    const records = await collect(readRecords(tempFile('one.mol', `${molfile}\n\n`)));

    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ readError: null, properties: null, input: molfile });
  });

  test('a file without any `$$$$` does not grow one record past the molfile limit', async () => {
    const line = `${' '.repeat(4)}0.0000    0.0000    0.0000 C   0  0  0  0\n`;
    const file = tempFile('huge.sdf', `t\n\n\n999  0  0  0  0  0  0  0  0  0999 V2000\n${
      line.repeat(Math.ceil(1_100_000 / line.length))}`);
    const records = await collect(readRecords(file));

    expect(records).toHaveLength(1);
    expect(records[0].readError).toMatch(/larger than the molfile limit/);
  });
});
