// Names per second through the OPSIN pool against a bare loop inside one JVM, in one run,
// and the time to the first answer after a cold start. Run `npm run build` first, then
// `node bench/opsin/run.mjs [NAMES] [--rounds N] [--trials N] [--jvms N]` (bench/opsin/README.md).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

import { OpsinPool } from '../../dist/workers/opsin/pool.js';
import { ensureOpsin, OPSIN_WORKER_CLASS } from '../../dist/workers/opsin/setup.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_NAMES = path.join(root, '..', 'shared', 'data', 'opsin-names-inchi.tsv');
const HEAP = '-Xmx512m';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    trials: { type: 'string', default: '3' },
    jvms: { type: 'string', default: '2' },
  },
});
const rounds = Number(values.rounds);
const names = readFileSync(positionals[0] ?? DEFAULT_NAMES, 'utf8')
  .split(/\r?\n/)
  .map((line) => line.split('\t')[0].trim())
  .filter((name) => name !== '');

/** Milliseconds from creating a pool to its first answer, JVM start and warm-up included. */
async function coldStart(classpath) {
  const started = performance.now();
  const pool = new OpsinPool({ classpath });
  await pool.convert('ethanol');
  const ms = performance.now() - started;
  await pool.close();
  return ms;
}

/** Names per second through a warm pool of `jvms` JVMs, after one untimed round. */
async function poolRate(classpath, jvms) {
  const pool = new OpsinPool({ classpath, jvms });
  const convertAll = () => Promise.all(names.map((name) => pool.convert(name)));
  try {
    await convertAll();
    const started = performance.now();
    for (let round = 0; round < rounds; round++) {
      await convertAll();
    }
    return (names.length * rounds) / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

/** Names per second of the Java worker's own loop (`--bench`), which also warms up first. */
async function bareRate(classpath) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'molbatch-bench-')), 'names.txt');
  writeFileSync(file, `${names.join('\n')}\n`);
  const args = [HEAP, '-Dfile.encoding=UTF-8', '-cp', classpath, OPSIN_WORKER_CLASS];
  const { stdout } = await promisify(execFile)('java', [...args, '--bench', file, `${rounds}`]);
  return JSON.parse(stdout.trim().split('\n').pop()).namesPerSecond;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { classpath, opsinVersion } = await ensureOpsin({ projectRoot: root, log: console.error });
const firstMs = await coldStart(classpath);
// Bare loop and pool take turns, so a change in the machine's load hits both alike.
const trials = [];
for (let trial = 0; trial < Number(values.trials); trial++) {
  trials.push({ bare: await bareRate(classpath), one: await poolRate(classpath, 1) });
}
const bare = median(trials.map((t) => t.bare));
const one = median(trials.map((t) => t.one));
const many = await poolRate(classpath, Number(values.jvms));

const rate = (n) => `${n.toFixed(0)} names/s`.padEnd(14);
const times = (n) => `${(n / bare).toFixed(2)}x the bare loop`;
const load = os.loadavg()[0].toFixed(1);
console.log(`OPSIN ${opsinVersion}: ${names.length} names x ${rounds} rounds, medians of `
  + `${trials.length} trials; ${os.cpus().length} CPUs, load ${load}`);
console.log(`first answer after a cold start  ${firstMs.toFixed(0)} ms (goal < 2000 ms)`);
console.log(`bare loop in one JVM             ${rate(bare)}`);
console.log(`pool, 1 JVM                      ${rate(one)} ${times(one)} (goal >= 0.9x)`);
const ratios = trials.map((t) => (t.one / t.bare).toFixed(2)).join(' ');
console.log(`  ratio in each trial            ${ratios}`);
console.log(`pool, ${values.jvms} JVMs                     ${rate(many)} ${times(many)}`);
