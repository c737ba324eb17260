// Where a validation's CPU time goes: each step timed on its own on one thread (WASM) and in one
// process (native.py's checks, by native_sections.py), summed over the molecules, side by side.
// Run `npm run build` first, then `node bench/chem/sections.mjs [TSV] [--molecules N]`
// (bench/chem/README.md).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHECK_RUNS } from '../../dist/chem/checks.js';
import { averageMass, hillFormula } from '../../dist/chem/formula.js';
import { readGraph } from '../../dist/chem/graph.js';
import { propertiesOf } from '../../dist/chem/properties.js';
import { clearRdkitLog, loadRdkit, takeRdkitLog } from '../../dist/chem/rdkit.js';
import { CHECKS } from '../../dist/chem/registry.js';
import { validateStructure } from '../../dist/chem/validate.js';
import { ensureNativeRdkit } from './venv.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_TSV = path.join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { molecules: { type: 'string', default: '2000' } },
});
const smiles = readFileSync(positionals[0] ?? DEFAULT_TSV, 'utf8')
  .split('\n').slice(0, Number(values.molecules)).map((line) => line.split('\t')[0])
  .filter(Boolean);
const rdkit = await loadRdkit();
const spent = new Map();

// CPU time rather than the wall clock: other work on the machine then costs a section nothing.
function cpuMs(step) {
  const started = process.cpuUsage();
  const value = step();
  const used = process.cpuUsage(started);
  return [value, (used.user + used.system) / 1000];
}

function timed(name, step) {
  const [value, ms] = cpuMs(step);
  spent.set(name, (spent.get(name) ?? 0) + ms);
  return value;
}

function inchiOf(mol) {
  try {
    const inchi = mol.get_inchi();
    return inchi === '' || rdkit.get_inchikey_for_inchi(inchi) === '' ? null : inchi;
  } catch {
    return null;
  }
}

function sections(text) {
  timed('RDKit log (WASM only)', () => clearRdkitLog(rdkit));
  const details = JSON.stringify({ sanitize: true });
  const mol = timed('parse', () => rdkit.get_mol(text, details));
  if (mol === null || !mol.is_valid() || mol.get_num_atoms() === 0) return mol?.delete();

  timed('RDKit log (WASM only)', () => takeRdkitLog(rdkit));
  const graph = timed('graph from get_json (WASM only)', () => readGraph(mol));
  const ctx = {
    rdkit, mol, graph, text, format: 'smiles', smiles: '', inchi: null, memo: new Map(), owned: [],
  };
  ctx.smiles = timed('canonical SMILES', () => mol.get_smiles());
  ctx.inchi = timed('InChI + key', () => inchiOf(mol));
  // The alert checks share the molecule's pattern fingerprint: time it apart from the first.
  const fp = timed('pattern fingerprint', () => mol.get_pattern_fp_as_uint8array());
  ctx.memo.set('patternFp', fp);
  for (const { code } of CHECKS) timed(`check ${code}`, () => CHECK_RUNS[code](ctx));
  timed('formula + mass', () => [hillFormula(graph.atoms), averageMass(rdkit, graph.atoms)]);
  timed('properties', () => propertiesOf(mol));
  timed('delete (WASM only)', () => [...ctx.owned, mol].forEach((owned) => owned.delete()));
}

function nativeSections() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'molbatch-sections-'));
  const input = path.join(work, 'smiles.txt');
  const registry = path.join(work, 'checks.json');
  writeFileSync(input, `${smiles.join('\n')}\n`);
  writeFileSync(registry, JSON.stringify(CHECKS.map((check) => [check.code, check.severity])));
  const script = path.join(import.meta.dirname, 'native_sections.py');
  const args = [script, '--input', input, '--registry', registry, '--chem-dir',
    path.join(root, 'chem')];
  try {
    return JSON.parse(execFileSync(ensureNativeRdkit(), args, { encoding: 'utf8' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

smiles.slice(0, 50).forEach((text) => validateStructure(rdkit, text));
const [, wholeMs] = cpuMs(() => smiles.forEach((text) => validateStructure(rdkit, text)));
spent.clear();
smiles.forEach(sections);
const native = nativeSections();

const perMol = (ms) => (ms === undefined ? '-' : (1000 * ms / smiles.length).toFixed(0));
const rate = (ms) => Math.round(smiles.length / (ms / 1000));
console.log(`${smiles.length} molecules, CPU time of whole validations: ` +
  `WASM ${rate(wholeMs)}/s, ` +
  `native ${rate(native.wholeMs)}/s`);
console.log(`${'section'.padEnd(36)}${'WASM us/mol'.padStart(12)}${'native us/mol'.padStart(15)}`);
const names = [...new Set([...spent.keys(), ...Object.keys(native.sections)])];
names.sort((a, b) => (spent.get(b) ?? 0) - (spent.get(a) ?? 0));
for (const name of names) {
  console.log(`${name.padEnd(36)}${perMol(spent.get(name)).padStart(12)}` +
    `${perMol(native.sections[name]).padStart(15)}`);
}
const sum = (list) => list.reduce((total, ms) => total + ms, 0);
console.log(`${'sum of sections'.padEnd(36)}${perMol(sum([...spent.values()])).padStart(12)}` +
  `${perMol(sum(Object.values(native.sections))).padStart(15)}`);
