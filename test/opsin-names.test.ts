import { readFileSync } from 'node:fs';

import rdkitPackage, { type MainModule } from '@rdkit/rdkit';

import { OpsinPool } from '../workers/opsin/pool.js';
import type { OpsinAnswer } from '../workers/opsin/process.js';
import { ensureOpsin } from '../workers/opsin/setup.js';
import { sharedData } from './shared-data.js';

/** OPSIN's own test names with their expected InChI (MIT); see ../shared/data/README.md. */
const DATA = sharedData('opsin-names-inchi.tsv');

interface Case {
  name: string;
  expected: string;
}

interface Outcome extends Case {
  answer: OpsinAnswer;
  got: string | null;
}

let rdkit: MainModule;
let outcomes: Outcome[];

function readCases(): Case[] {
  return readFileSync(DATA, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => {
      const [name, expected] = line.split('\t');
      return { name, expected };
    });
}

/** A non-standard InChI (`InChI=1/`) in standard form: its fixed-H layers dropped. */
function standardForm(inchi: string): string {
  return inchi.startsWith('InChI=1/') ? `InChI=1S/${inchi.slice(8).replace(/\/f.*$/, '')}` : inchi;
}

function inchiOf(smiles: string | null): string | null {
  const mol = smiles === null ? null : rdkit.get_mol(smiles);
  if (mol === null) {
    return null;
  }
  const inchi = mol.get_inchi();
  mol.delete();
  return inchi === '' ? null : inchi;
}

function agreement(cases: Outcome[]): number {
  return cases.filter((c) => c.got === standardForm(c.expected)).length / cases.length;
}

beforeAll(async () => {
  const { classpath } = await ensureOpsin({ projectRoot: process.cwd(), log: () => undefined });
  rdkit = await rdkitPackage.default();
  const cases = readCases();
  const pool = new OpsinPool({ classpath, jvms: 2 });
  try {
    // OPSIN's own suite reads its radical names ("methyl", "phenyl") with radicals allowed.
    const answers = await Promise.all(
      cases.map((c) => pool.convert(c.name, { allowRadicals: true })),
    );
    outcomes = cases.map((c, i) => ({
      ...c, answer: answers[i], got: inchiOf(answers[i].smiles),
    }));
  } finally {
    await pool.close();
  }
});

describe('OPSIN names through the pool against their expected InChI', () => {
  it('answers every one of the 1,105 names', () => {
    expect(outcomes).toHaveLength(1105);
    expect(outcomes.every((o) => ['SUCCESS', 'WARNING', 'FAILURE'].includes(o.answer.status)))
      .toBe(true);
  });

  it('agrees on at least 90% of all rows (measured 997 of 1,105)', () => {
    expect(agreement(outcomes)).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees on at least 99% of the rows OPSIN does not comment out with "#"', () => {
    // The 102 "#" rows are cases OPSIN's own suite skips as unsupported.
    const active = outcomes.filter((o) => !o.name.startsWith('#'));
    const misses = active.filter((o) => o.got !== standardForm(o.expected));
    console.log(misses.map((m) => `${m.name}\n  expected ${m.expected}\n  got      ${m.got}`)
      .join('\n'));

    expect(agreement(active)).toBeGreaterThanOrEqual(0.99);
  });
});
