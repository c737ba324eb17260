// Where the WASM engine's time goes: each step of validating a SMILES timed on its own, on one
// thread, summed over the molecules. Run `npm run build` first, then
// `node bench/chem/sections.mjs [TSV] [--molecules N]` (bench/chem/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHECK_RUNS } from '../../dist/chem/checks.js';
import { averageMass, hillFormula } from '../../dist/chem/formula.js';
import { readGraph } from '../../dist/chem/graph.js';
import { propertiesOf } from '../../dist/chem/properties.js';
import { clearRdkitLog, loadRdkit, takeRdkitLog } from '../../dist/chem/rdkit.js';
import { CHECKS } from '../../dist/chem/registry.js';
import { validateStructure } from '../../dist/chem/validate.js';

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

function timed(name, step) {
  const started = performance.now();
  const value = step();
  spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
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
  timed('clear log', () => clearRdkitLog(rdkit));
  const details = JSON.stringify({ sanitize: true });
  const mol = timed('parse (get_mol)', () => rdkit.get_mol(text, details));
  if (mol === null || !mol.is_valid() || mol.get_num_atoms() === 0) return mol?.delete();

  timed('take log', () => takeRdkitLog(rdkit));
  const graph = timed('graph (get_json + JSON.parse)', () => readGraph(mol));
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
  timed('properties (get_descriptors)', () => propertiesOf(mol));
  timed('delete', () => [...ctx.owned, mol].forEach((owned) => owned.delete()));
}

smiles.slice(0, 50).forEach((text) => validateStructure(rdkit, text));
const wholeStart = performance.now();
smiles.forEach((text) => validateStructure(rdkit, text));
const wholeMs = performance.now() - wholeStart;
spent.clear();
smiles.forEach(sections);

const total = [...spent.values()].reduce((sum, ms) => sum + ms, 0);
console.log(`${smiles.length} molecules, validateStructure ${(wholeMs / 1000).toFixed(2)} s ` +
  `(${Math.round(smiles.length / (wholeMs / 1000))}/s); sections add up to ` +
  `${(total / 1000).toFixed(2)} s`);
for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) {
  const share = `${(100 * ms / total).toFixed(1)} %`.padStart(7);
  console.log(`${name.padEnd(40)}${(ms / 1000).toFixed(3).padStart(8)} s ${share}` +
    `${(1000 * ms / smiles.length).toFixed(1).padStart(9)} us/mol`);
}
