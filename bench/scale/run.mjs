// A whole batch on the embedded stack against the bare chemistry over the same records, in one
// run: wall times and their ratio, the worker's peak memory, the largest history of any run.
// `npm run bench:scale -- [--sizes 100000,1000000] [--threads N]` (bench/scale/README.md).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { createChemPool } from '../../dist/chem/pool.js';
import {
  historyLengths, runBatch, startDev, stopDev, watchBatch, watchMemory,
} from './stack.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const SOURCE = path.join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');
const WORK = path.join(root, '.molbatch', 'bench');
const GiB = 1024 ** 3;
// Temporal's WorkflowExecutionStatus values.
const STATUS = ['unspecified', 'running', 'completed', 'failed', 'canceled', 'terminated',
  'continued-as-new', 'timed-out'];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    'chunk-size': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '4' },
    'watch-seconds': { type: 'string', default: '60' },
  },
});
const threads = Number(values.threads);
const chunkSize = Number(values['chunk-size']);
const concurrency = Number(values.concurrency);
const watchMs = Number(values['watch-seconds']) * 1000;

/** The SMILES of the 100k set, from its first column (the file has no header). */
function sourceSmiles() {
  if (!existsSync(SOURCE)) {
    throw new Error(`${SOURCE}: missing; the scale bench reads the shared data sets`);
  }
  return readFileSync(SOURCE, 'utf8').split('\n')
    .map((line) => line.split('\t')[0].trim())
    .filter((smiles) => smiles !== '');
}

/** The first `size` records of the set repeated as often as needed, as a CSV with a header. */
function writeInput(all, size) {
  const smiles = Array.from({ length: size }, (_, i) => all[i % all.length]);
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const file = path.join(WORK, `pubchem-${size}.csv`);
  writeFileSync(file, `smiles\n${smiles.map(quote).join('\n')}\n`);
  return { file, smiles };
}

/** Status counts of the chem pool straight over the records, chunked as the batch is. */
async function bareChemistry(smiles) {
  const pool = createChemPool({ threads });
  const counts = { pass: 0, warn: 0, fail: 0, error: 0 };
  try {
    await pool.validate([{ index: 0, structure: 'CCO' }]);
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next * chunkSize < smiles.length) {
        const from = chunkSize * next++;
        const records = smiles.slice(from, from + chunkSize)
          .map((structure, i) => ({ index: from + i, structure }));
        for (const result of await pool.validate(records)) {
          counts[result.status] += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return { wallMs: performance.now() - started, counts };
  } finally {
    await pool.close();
  }
}

/** One batch of the file through `molbatch run` on a fresh `molbatch dev` stack. */
async function endToEnd(file, size) {
  const home = path.join(WORK, `home-${size}`);
  rmSync(home, { recursive: true, force: true });
  const env = { MOLBATCH_HOME: home, MOLBATCH_CHEM_THREADS: String(threads) };
  const dev = await startDev(env);
  const memory = watchMemory(dev.child.pid);
  try {
    const batchId = `bench-scale-${size}-${Date.now()}`;
    const summaryFile = path.join(home, 'summary.json');
    const args = ['--batch-id', batchId, '--summary', summaryFile,
      '--chunk-size', String(chunkSize), '--concurrency', String(concurrency)];
    const watch = await watchBatch(dev.address, batchId, watchMs);
    const run = await runBatch(file, args, { ...env, TEMPORAL_ADDRESS: dev.address })
      .catch((error) => ({ error }));
    await watch.stop();
    const peakBytes = memory.peak();
    const runs = await historyLengths(dev.address, batchId);
    const summary = run.error ? null : JSON.parse(readFileSync(summaryFile, 'utf8'));
    return { ...run, peakBytes, runs, summary };
  } finally {
    memory.stop();
    await stopDev(dev);
  }
}

function report(size, bare, e2e) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\n${size} records (${threads} chem threads, chunks of ${chunkSize}, ${concurrency} `
    + `in flight; load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
  console.log(`  bare chemistry      ${s(bare.wallMs)}  ${JSON.stringify(bare.counts)}`);
  if (e2e.error) {
    console.log(`  end to end          FAILED: ${e2e.error.message.split('\n')[0]}`);
  } else {
    const { total, passed, warned, failed, errored } = e2e.summary;
    const ratio = e2e.wallMs / bare.wallMs;
    console.log(`  end to end          ${s(e2e.wallMs)}  total ${total}: pass ${passed} `
      + `warn ${warned} fail ${failed} error ${errored}`);
    console.log(`  ratio               ${ratio.toFixed(2)} (goal <= 1.15)`);
    const same = passed === bare.counts.pass && warned === bare.counts.warn
      && failed === bare.counts.fail && errored === bare.counts.error && total === size;
    console.log(`  counts              ${same ? 'equal to the bare chemistry' : 'DIFFER from it'}`);
  }
  console.log(`  worker peak memory  ${(e2e.peakBytes / GiB).toFixed(2)} GiB VmHWM (goal < 1 GiB)`);
  const largest = Math.max(0, ...e2e.runs.map((r) => r.events));
  console.log(`  largest history     ${largest} events over ${e2e.runs.length} run(s) `
    + `(goal <= 10000): ${e2e.runs.map((r) => `${STATUS[r.status] ?? r.status} ${r.events}`)}`);
}

mkdirSync(WORK, { recursive: true });
const all = sourceSmiles();
for (const size of values.sizes.split(',').map(Number)) {
  const { file, smiles } = writeInput(all, size);
  // The batch first: should a long run be stopped, its progress lines say how far it got.
  const e2e = await endToEnd(file, size);
  const bare = await bareChemistry(smiles);
  report(size, bare, e2e);
}
