import fs from 'node:fs';
import path from 'node:path';

import { readCsv, runCli, workDir } from './cli.js';

const FREESOLV = path.join(process.cwd(), 'examples', 'freesolv.csv');

/** Runs one batch on the embedded stack and returns its result rows. */
async function runBatch(dir: string, input: string): Promise<Array<Record<string, string>>> {
  const out = path.join(dir, `${path.basename(input, '.csv')}-results.csv`);
  const run = await runCli(['run', input, '--out', out], { MOLBATCH_HOME: path.join(dir, '.molbatch') });
  if (run.code !== 0) {
    throw new Error(`molbatch run ${input} exited ${run.code}:\n${run.stderr}`);
  }
  return readCsv(out);
}

function hasStereo(smiles: string): boolean {
  return /[@/\\]/.test(smiles);
}

describe('FreeSolv by SMILES and by name alone', () => {
  const dir = workDir();
  let bySmiles: Array<Record<string, string>>;
  let byName: Array<Record<string, string>>;

  beforeAll(async () => {
    const source = await readCsv(FREESOLV);
    const namesOnly = path.join(dir, 'freesolv-names.csv');
    fs.writeFileSync(namesOnly, ['iupac', ...source.map((r) => JSON.stringify(r.iupac))].join('\n'));

    bySmiles = await runBatch(dir, FREESOLV);
    byName = await runBatch(dir, namesOnly);
  }, 600_000);

  test('every one of the 642 records is accounted for in both runs', () => {
    expect(bySmiles).toHaveLength(642);
    expect(byName).toHaveLength(642);
    expect(byName.every((r, i) => r.name === bySmiles[i].name)).toBe(true);
  });

  // Endosulfan's sulfite sulfur is a stereocentre (its alpha and beta isomers) left undefined.
  test('every FreeSolv SMILES is valid; the few warnings are PAINS motifs and endosulfan',
    () => {
      const warned = bySmiles.filter((r) => r.status !== 'pass');
      const expected = /pains-[abc]|undefined-stereocenter/;

      expect(warned.every((r) => r.status === 'warn' && expected.test(r.issues))).toBe(true);
      expect(warned.filter((r) => r.issues.includes('undefined-stereocenter'))).toHaveLength(1);
      expect(warned.length).toBeLessThan(20);
    });

  test('OPSIN reads nearly all the names, and each name it cannot read is an error with its message', () => {
    const unread = byName.filter((r) => !r.inchikey);

    expect(byName.length - unread.length).toBeGreaterThanOrEqual(600);
    for (const row of unread) {
      expect(row.status).toBe('error');
      expect(row.message).toMatch(/^OPSIN could not convert the name: /);
    }
  });

  test('names give the same structures as the SMILES, stereo aside', () => {
    const pairs = byName.map((r, i) => [r, bySmiles[i]]).filter(([r]) => r.inchikey);
    const sameSkeleton = pairs.filter(([n, s]) => n.inchikey.slice(0, 14) === s.inchikey.slice(0, 14));
    const flat = pairs.filter(([, s]) => !hasStereo(s.input));
    const sameKey = flat.filter(([n, s]) => n.inchikey === s.inchikey);

    expect(sameSkeleton.length / pairs.length).toBeGreaterThanOrEqual(0.99);
    expect(sameKey.length / flat.length).toBeGreaterThanOrEqual(0.99);
  });
});
