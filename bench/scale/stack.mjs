// The embedded stack of the scale bench: `molbatch dev` (dev server and worker in one process),
// `molbatch run` against it, the worker's peak memory from /proc, and the batch's histories.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { Client, Connection } from '@temporalio/client';

const root = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(root, 'bin', 'molbatch.js');
const STOP_MS = 120_000;

/** Starts `molbatch dev` on its own home; resolves with its process and address. */
export async function startDev(env) {
  const child = spawn(process.execPath, [BIN, 'dev'], {
    env: { ...process.env, TEMPORAL_ADDRESS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  const exited = new Promise((resolve) => child.on('close', resolve));

  const deadline = Date.now() + 180_000;
  while (!/TEMPORAL_ADDRESS=(\S+)/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`molbatch dev did not start (exit ${child.exitCode}); stdout:\n${out}`);
    }
    await delay(200);
  }
  return { child, exited, address: /TEMPORAL_ADDRESS=(\S+)/.exec(out)[1] };
}

/** Stops `molbatch dev` with SIGINT, as Ctrl-C would, and waits for it to exit. */
export async function stopDev(dev) {
  if (dev.child.exitCode !== null) {
    return;
  }
  dev.child.kill('SIGINT');
  const timer = setTimeout(() => dev.child.kill('SIGKILL'), STOP_MS);
  await dev.exited;
  clearTimeout(timer);
}

/** Runs `molbatch run FILE` against the address; resolves with its wall time and summary. */
export async function runBatch(file, args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'run', file, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (err += d.toString()));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) {
    throw new Error(`molbatch run exited ${code}:\n${out}\n${err.slice(-4000)}`);
  }
  return { wallMs, stdout: out };
}

/** Peak resident memory of a process so far (VmHWM), in bytes; null once it is gone. */
export function peakMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)[1]) * 1024;
  } catch {
    return null;
  }
}

/** Samples a process's VmHWM every second until `stop()`; `peak()` is the highest seen. */
export function watchMemory(pid) {
  let highest = 0;
  const sample = () => (highest = Math.max(highest, peakMemory(pid) ?? 0));
  const timer = setInterval(sample, 1000);
  return {
    peak: () => (sample(), highest),
    stop: () => clearInterval(timer),
  };
}

/** Every run of the workflow (continued-as-new ones too) and its history length in events. */
export async function historyLengths(address, workflowId) {
  const connection = await Connection.connect({ address });
  try {
    const service = connection.workflowService;
    const listed = await service.listWorkflowExecutions({
      namespace: 'default', query: `WorkflowId = '${workflowId}'`, pageSize: 1000,
    });
    const runIds = listed.executions.map((e) => e.execution.runId);
    const runs = [];
    for (const runId of runIds.length > 0 ? runIds : [undefined]) {
      const described = await service.describeWorkflowExecution({
        namespace: 'default', execution: { workflowId, runId },
      });
      const info = described.workflowExecutionInfo;
      runs.push({ runId: info.execution.runId, status: info.status, events: Number(info.historyLength) });
    }
    return runs;
  } finally {
    await connection.close();
  }
}

/** Prints the batch's progress and history length every `everyMs` until `stop()`. */
export async function watchBatch(address, workflowId, everyMs) {
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const started = performance.now();
  const sample = async () => {
    const handle = client.workflow.getHandle(workflowId);
    const [progress, described] = await Promise.all([
      handle.query('progress'), handle.describe(),
    ]).catch(() => [null, null]);
    if (progress) {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.error(`scale: ${seconds} s: ${progress.processed}/${progress.total} records, `
        + `${progress.state}, history ${described.historyLength} events`);
    }
  };
  let pending = Promise.resolve();
  const timer = setInterval(() => (pending = pending.then(sample)), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      await connection.close();
    },
  };
}
