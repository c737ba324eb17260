import { readFileSync } from 'node:fs';
import path from 'node:path';
import rdkitPackage, { type MainModule } from '@rdkit/rdkit';
import {
  cleanOpsinName,
  OpsinProcess,
  OpsinProcessError,
  type OpsinAnswer,
} from '../workers/opsin/process.js';
import { ensureOpsin, type OpsinInstall } from '../workers/opsin/setup.js';

const root = process.cwd();

let install: OpsinInstall;
let opsin: OpsinProcess;
let rdkit: MainModule;
/** Varied names, some of which OPSIN must reject, so a mixed-up answer shows. */
const NAMES = [
  'ethanol', 'benzene', 'propan-2-ol', 'acetic acid', 'pyridine', 'not-a-real-name',
  '2-methylpropane', 'cyclohexanone', 'naphthalene', '1,2-dichloroethane', 'methanol',
  'glycine', 'L-alanine', 'phenol', 'toluene', 'aniline', 'butanoic acid', 'xyzzy',
  'ethyl acetate', 'propanal dimethyl acetal', 'cyclohexane-1,4-dione', 'furan',
  '2-chloropyridine', 'hexan-1-ol', 'benzoic acid', '(2R)-butan-2-ol', 'morpholine',
];

/** `count` names, cycling through NAMES. */
function sampleNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => NAMES[i % NAMES.length]);
}

function canonical(smiles: string | null): string | null {
  const mol = smiles === null ? null : rdkit.get_mol(smiles);
  if (mol === null) {
    return null;
  }
  const result = mol.get_smiles();
  mol.delete();
  return result;
}

async function convertOneByOne(names: string[]): Promise<OpsinAnswer[]> {
  const answers: OpsinAnswer[] = [];
  for (const name of names) {
    answers.push(await opsin.convert(name));
  }
  return answers;
}

beforeAll(async () => {
  install = await ensureOpsin({ projectRoot: root, log: () => undefined });
  opsin = await OpsinProcess.start({ classpath: install.classpath });
  // The package is CommonJS; under NodeNext only its `default` property types as callable.
  rdkit = await rdkitPackage.default();
});

afterAll(async () => {
  await opsin?.close();
});

describe('ensureOpsin', () => {
  it('reuses the cached install and records it in vendor/opsin/install.json', async () => {
    const again = await ensureOpsin({ projectRoot: root, log: () => undefined });
    const saved = JSON.parse(readFileSync(path.join(root, 'vendor/opsin/install.json'), 'utf8'));

    expect(again).toEqual(install);
    expect(saved).toMatchObject(install);
  });
});

describe('OpsinProcess', () => {
  it('converts ethanol to a SMILES of ethanol', async () => {
    const answer = await opsin.convert('ethanol');

    expect(answer.status).toBe('SUCCESS');
    expect(['CCO', 'OCC']).toContain(canonical(answer.smiles));
  });

  it('converts 2-acetyloxybenzoic acid to aspirin', async () => {
    const answer = await opsin.convert('2-acetyloxybenzoic acid');

    expect(answer.status).toBe('SUCCESS');
    expect(canonical(answer.smiles)).toBe(canonical('CC(=O)Oc1ccccc1C(=O)O'));
  });

  it('answers a nonsense name with FAILURE and a reason', async () => {
    const answer = await opsin.convert('flibbertigibbet oxide-ish');

    expect(answer.status).toBe('FAILURE');
    expect(answer.smiles).toBeNull();
    expect(answer.message.length).toBeGreaterThan(0);
  });

  it('passes primes, en-dashes and Greek letters through to OPSIN', async () => {
    const [prime, enDash, alpha, beta] = await Promise.all([
      opsin.convert('N,N′-dimethylurea'),
      opsin.convert('2–chloroethanol'),
      opsin.convert('α-D-glucopyranose'),
      opsin.convert('β-D-glucopyranose'),
    ]);

    expect(canonical(prime.smiles)).toBe(canonical('CNC(=O)NC'));
    expect(canonical(enDash.smiles)).toBe(canonical('OCCCl'));
    expect(alpha.status).toBe('SUCCESS');
    expect(beta.status).toBe('SUCCESS');
    expect(canonical(alpha.smiles)).not.toBe(canonical(beta.smiles));
  });

  it('cleans only surrounding whitespace and line breaks from a name', () => {
    expect(cleanOpsinName('  2-chloro\r\nethan–1′-ol α\n')).toBe('2-chloro ethan–1′-ol α');
  });

  it('matches 200 pipelined answers to their names', async () => {
    const names = sampleNames(200);

    const together = await Promise.all(names.map((name) => opsin.convert(name)));
    const alone = await convertOneByOne(names);

    expect(new Set(together.map((a) => a.id)).size).toBe(200);
    expect(together.map((a) => a.smiles)).toEqual(alone.map((a) => a.smiles));
    expect(together.filter((a) => a.status !== 'FAILURE').length).toBeGreaterThan(100);
  });

  it('rejects everything in flight with OpsinProcessError when the JVM hangs', async () => {
    const hanging = await OpsinProcess.start({ classpath: install.classpath, timeoutMs: 500 });
    process.kill(hanging.pid as number, 'SIGSTOP');

    const results = await Promise.allSettled(sampleNames(20).map((n) => hanging.convert(n)));
    await hanging.close();

    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : r.value));
    expect(reasons.every((r) => r instanceof OpsinProcessError && r.kind === 'timeout')).toBe(true);
  });
});
