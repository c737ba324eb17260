// Molecules per second per core of the full default check set: molbatch's chemistry pool (RDKit
// WASM in worker threads) beside native RDKit running the same checks in as many processes, in
// one run, and the ratio WASM/native. Run `npm run build` first, then
// `node bench/chem/run.mjs [TSV] [--molecules N] [--threads N] [--trials N]` (bench/chem/README.md).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { createChemPool } from '../../dist/chem/pool.js';
import { CHECKS } from '../../dist/chem/registry.js';
import { agreementByCode, agreementTable, findingCounts } from './agreement.mjs';
import { ensureNativeRdkit } from './venv.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_TSV = path.join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');
// Each side validates this many slices of 25 untimed first: RDKit loads, patterns compile.
const WARM_SLICES_PER_WORKER = 2;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    molecules: { type: 'string', default: '10000' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    trials: { type: 'string', default: '1' },
  },
});
const workers = Number(values.threads);
const smiles = readFileSync(positionals[0] ?? DEFAULT_TSV, 'utf8')
  .split('\n').slice(0, Number(values.molecules)).map((line) => line.split('\t')[0])
  .filter(Boolean);
const records = smiles.map((structure, index) => ({ index, structure }));

const work = mkdtempSync(path.join(os.tmpdir(), 'molbatch-bench-chem-'));
const inputFile = path.join(work, 'smiles.txt');
const registryFile = path.join(work, 'checks.json');
writeFileSync(inputFile, `${smiles.join('\n')}\n`);
writeFileSync(registryFile, JSON.stringify(CHECKS.map((check) => [check.code, check.severity])));
const python = ensureNativeRdkit();

async function wasm(threads) {
  const pool = createChemPool({ threads });
  try {
    await pool.validate(records.slice(0, threads * WARM_SLICES_PER_WORKER * 25));
    const started = performance.now();
    const results = await pool.validate(records);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, issues: results.map((r) => r.issues), counts: findingCounts(results) };
  } finally {
    await pool.close();
  }
}

async function native(processes) {
  const out = path.join(work, `native-${processes}.json`);
  const script = path.join(import.meta.dirname, 'native.py');
  const args = [script, '--input', inputFile, '--registry', registryFile,
    '--chem-dir', path.join(root, 'chem'), '--processes', String(processes), '--out', out];
  const { stdout } = await promisify(execFile)(python, args, { maxBuffer: 1 << 20 });
  const timing = JSON.parse(stdout.trim().split('\n').at(-1));
  const found = JSON.parse(readFileSync(out, 'utf8'));
  return { seconds: timing.seconds, rdkit: timing.rdkit, issues: found.issues,
    counts: found.findingCounts };
}

const perCore = (run, n) => run.issues.length / run.seconds / n;
const rounded = (x) => Math.round(x * 10) / 10;

for (let trial = 1; trial <= Number(values.trials); trial++) {
  // Native first then WASM, and WASM first then native for one worker, so drift cancels.
  const nativeN = await native(workers);
  const wasmN = await wasm(workers);
  const wasm1 = await wasm(1);
  const native1 = await native(1);

  console.log(JSON.stringify({
    trial, molecules: smiles.length, workers, nativeRdkit: nativeN.rdkit,
    wasmPerCorePerSecond: rounded(perCore(wasmN, workers)),
    nativePerCorePerSecond: rounded(perCore(nativeN, workers)),
    ratio: Number((perCore(wasmN, workers) / perCore(nativeN, workers)).toFixed(3)),
    oneThreadPerSecond: rounded(perCore(wasm1, 1)),
    oneProcessPerSecond: rounded(perCore(native1, 1)),
    oneToOneRatio: Number((perCore(wasm1, 1) / perCore(native1, 1)).toFixed(3)),
  }));
  if (trial === 1) {
    const rows = agreementByCode(wasmN.issues, nativeN.issues);
    const counts = { wasm: wasmN.counts, native: nativeN.counts };
    console.log(agreementTable(rows, counts, smiles));
  }
}
