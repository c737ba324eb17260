// The two sides of bench/chem, each kept running across rounds: molbatch's chemistry pool (RDKit
// WASM in worker threads) and native.py (native RDKit in worker processes).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

import { createChemPool } from '../../dist/chem/pool.js';
import { findingCounts } from './findings-by-code.mjs';

// Slices of 25 each side validates untimed per worker first: RDKit loads, patterns compile.
const WARM_SLICES_PER_WORKER = 2;

/** The WASM pool with `threads` threads; `round(start, end)` times records start to end-1. */
export async function wasmSide(records, threads) {
  const pool = createChemPool({ threads });
  await pool.validate(records.slice(0, threads * WARM_SLICES_PER_WORKER * 25));
  const results = [];
  return {
    async round(start, end) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      results.push(...(await pool.validate(records.slice(start, end))));
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
    },
    async finish() {
      await pool.close();
      return { issues: results.map((r) => r.issues), counts: findingCounts(results) };
    },
  };
}

/** native.py with `processes` worker processes, driven by one JSON line per round. */
export async function nativeSide(python, files, processes) {
  const out = path.join(files.work, `native-${processes}.json`);
  const args = [path.join(import.meta.dirname, 'native.py'), '--input', files.input,
    '--registry', files.registry, '--chem-dir', files.chem, '--processes', String(processes),
    '--out', out];
  const child = spawn(python, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`native.py exited with ${await exited}`);
    return JSON.parse(value);
  };

  const { rdkit } = await next();
  return {
    rdkit,
    round(start, end) {
      child.stdin.write(`${JSON.stringify({ start, end })}\n`);
      return next();
    },
    async finish() {
      child.stdin.end();
      const code = await exited;
      if (code !== 0) throw new Error(`native.py exited with ${code}`);
      const found = JSON.parse(readFileSync(out, 'utf8'));
      return { issues: found.issues, counts: found.findingCounts };
    },
  };
}
