// Molecules per second per core of the full default check set: molbatch's chemistry pool (RDKit
// WASM in worker threads) beside native RDKit running the same checks in as many processes, in
// one run, and the ratio WASM/native. Run `npm run build` first, then
// `node bench/chem/run.mjs [TSV] [--molecules N] [--threads N] [--rounds N] [--trials N]`
// (bench/chem/README.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { CHECKS } from '../../dist/chem/registry.js';
import { agreementByCode, agreementTable } from './findings-by-code.mjs';
import { nativeSide, wasmSide } from './sides.mjs';
import { ensureNativeRdkit } from './venv.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_TSV = path.join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    molecules: { type: 'string', default: '10000' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    rounds: { type: 'string', default: '10' },
    trials: { type: 'string', default: '1' },
  },
});
const smiles = readFileSync(positionals[0] ?? DEFAULT_TSV, 'utf8')
  .split('\n').slice(0, Number(values.molecules)).map((line) => line.split('\t')[0])
  .filter(Boolean);
const records = smiles.map((structure, index) => ({ index, structure }));

const work = mkdtempSync(path.join(os.tmpdir(), 'molbatch-bench-chem-'));
const files = {
  work, chem: path.join(root, 'chem'),
  input: path.join(work, 'smiles.txt'), registry: path.join(work, 'checks.json'),
};
writeFileSync(files.input, `${smiles.join('\n')}\n`);
writeFileSync(files.registry, JSON.stringify(CHECKS.map((check) => [check.code, check.severity])));
const python = ensureNativeRdkit();

/** Both sides on the same molecules, round by round, each round's order the other's reverse. */
async function compare(workers) {
  const native = await nativeSide(python, files, workers);
  const wasm = await wasmSide(records, workers);
  const spent = { wasm: { seconds: 0, cpuSeconds: 0 }, native: { seconds: 0, cpuSeconds: 0 } };
  const rounds = Number(values.rounds);

  for (let round = 0; round < rounds; round++) {
    const start = Math.floor((round * records.length) / rounds);
    const end = Math.floor(((round + 1) * records.length) / rounds);
    const order = round % 2 === 0 ? ['native', 'wasm'] : ['wasm', 'native'];
    for (const side of order) {
      const took = await (side === 'wasm' ? wasm : native).round(start, end);
      spent[side].seconds += took.seconds;
      spent[side].cpuSeconds += took.cpuSeconds;
    }
  }
  return { workers, spent, rdkit: native.rdkit, wasm: await wasm.finish(),
    native: await native.finish() };
}

function figures({ workers, spent, rdkit }) {
  const rate = (side) => smiles.length / spent[side].seconds / workers;
  const cpuRate = (side) => smiles.length / spent[side].cpuSeconds;
  const one = (x) => Math.round(x * 10) / 10;
  return {
    workers, molecules: smiles.length, nativeRdkit: rdkit,
    wasmPerCorePerSecond: one(rate('wasm')), nativePerCorePerSecond: one(rate('native')),
    ratio: Number((rate('wasm') / rate('native')).toFixed(3)),
    wasmPerCpuSecond: one(cpuRate('wasm')), nativePerCpuSecond: one(cpuRate('native')),
    cpuRatio: Number((cpuRate('wasm') / cpuRate('native')).toFixed(3)),
  };
}

for (let trial = 1; trial <= Number(values.trials); trial++) {
  const parallel = await compare(Number(values.threads));
  console.log(JSON.stringify({ trial, ...figures(parallel) }));
  // One thread against one process tells what "per core" means when the cores are shared.
  if (parallel.workers > 1) console.log(JSON.stringify({ trial, ...figures(await compare(1)) }));

  if (trial === 1) {
    const rows = agreementByCode(parallel.wasm.issues, parallel.native.issues);
    const counts = { wasm: parallel.wasm.counts, native: parallel.native.counts };
    console.log(agreementTable(rows, counts, smiles));
  }
}
rmSync(work, { recursive: true, force: true });
