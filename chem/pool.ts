import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  DEFAULT_SLICE_CAP_MS,
  DEFAULT_RECORD_BUDGET_MS,
  overBudgetResult,
  type InputLimits,
} from './budget.js';
import { parseCheckConfig } from './config.js';
import type { CheckConfig } from './findings.js';
import type { ChemRecord, ChemRecordResult, ChemTask } from './thread.js';

/** A pool of worker threads, each with its own RDKit instance. */
export interface ChemPool {
  /** Validates the records across the threads; results come back in input order. */
  validate(records: ChemRecord[], checks?: CheckConfig): Promise<ChemRecordResult[]>;
  /** Stops the threads, even one stuck in RDKit; pending work is rejected. */
  close(): Promise<void>;
  /** Number of worker threads. */
  threads: number;
}

/** Options of `createChemPool`; the size limits are those of `InputLimits`. */
export interface ChemPoolOptions extends InputLimits {
  /** Worker threads; `os.availableParallelism()` by default. */
  threads?: number;
  /** Time one record may take on RDKit, in ms, before it is stopped as `time-budget`; 10,000. */
  recordBudgetMs?: number;
  /** Cap of a slice's budget (`recordBudgetMs` per record), in ms; 60,000 by default. */
  maxSliceBudgetMs?: number;
}

interface Runner {
  piscina: Piscina<ChemTask, ChemRecordResult[]>;
  limits: InputLimits;
  recordBudgetMs: number;
  maxSliceBudgetMs: number;
  checks?: CheckConfig;
}

// Small enough that a chunk of 100 records keeps every thread busy.
const MAX_SLICE = 25;

/** Starts a worker-thread pool that validates structures with RDKit. */
export function createChemPool(opts: ChemPoolOptions = {}): ChemPool {
  const threads = opts.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  }

  const piscina = new Piscina<ChemTask, ChemRecordResult[]>({
    filename: threadFile(),
    minThreads: threads,
    maxThreads: threads,
    // Loading RDKit costs a few hundred ms per thread; keep idle threads alive.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const runner: Runner = {
    piscina,
    limits: {
      maxInputLength: opts.maxInputLength,
      maxMolfileLength: opts.maxMolfileLength,
      maxAtoms: opts.maxAtoms,
    },
    recordBudgetMs: positive('recordBudgetMs', opts.recordBudgetMs ?? DEFAULT_RECORD_BUDGET_MS),
    maxSliceBudgetMs: positive('maxSliceBudgetMs', opts.maxSliceBudgetMs ?? DEFAULT_SLICE_CAP_MS),
  };

  return {
    threads,
    validate: (records, checks) => {
      // A bad configuration fails here, once, rather than in every thread.
      const config = checks === undefined ? undefined : parseCheckConfig(checks);
      return validateInSlices({ ...runner, checks: config }, records, threads);
    },
    // destroy() terminates the threads, so a structure stuck in RDKit cannot hold it up.
    close: () => piscina.destroy(),
  };
}

async function validateInSlices(
  runner: Runner,
  records: ChemRecord[],
  threads: number,
): Promise<ChemRecordResult[]> {
  const size = Math.max(1, Math.min(MAX_SLICE, Math.ceil(records.length / threads)));
  const slices: ChemRecord[][] = [];
  for (let start = 0; start < records.length; start += size) {
    slices.push(records.slice(start, start + size));
  }

  const results = await Promise.all(slices.map((slice) => validateSlice(runner, slice)));
  return results.flat();
}

async function validateSlice(runner: Runner, slice: ChemRecord[]): Promise<ChemRecordResult[]> {
  const { recordBudgetMs, maxSliceBudgetMs } = runner;
  const sliceMs = Math.min(maxSliceBudgetMs, recordBudgetMs * slice.length);
  const budgetMs = Math.max(recordBudgetMs, sliceMs);

  const results = await runWithBudget(runner, slice, budgetMs);
  if (results !== null) return results;
  if (slice.length === 1) return [{ index: slice[0].index, ...overBudgetResult(recordBudgetMs) }];

  // Some record of the slice is too slow: run each alone to find it and keep the others.
  const single = await Promise.all(slice.map((record) => validateSlice(runner, [record])));
  return single.flat();
}

/** Runs one slice on a thread; null when it ran out of its budget and the thread was stopped. */
async function runWithBudget(
  runner: Runner,
  records: ChemRecord[],
  budgetMs: number,
): Promise<ChemRecordResult[] | null> {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  let timer: NodeJS.Timeout | undefined;
  // The clock starts once the thread has RDKit and begins, not while the slice waits in the queue.
  port1.once('message', () => {
    timer = setTimeout(() => controller.abort(new Error('time budget exceeded')), budgetMs);
  });

  try {
    const { limits, checks } = runner;
    const task: ChemTask = { records, limits, checks, started: port2 };
    // Piscina terminates the thread of an aborted task and starts a replacement.
    return await runner.piscina.run(task, { signal: controller.signal, transferList: [port2] });
  } catch (err) {
    if (controller.signal.aborted) return null;
    throw err;
  } finally {
    port1.close();
    clearTimeout(timer);
  }
}

function positive(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function threadFile(): string {
  const beside = fileURLToPath(new URL('./thread.js', import.meta.url));
  if (existsSync(beside)) return beside;

  // Running from source (jest): only thread.ts sits here, so use the compiled worker.
  const root = dirname(dirname(beside));
  const built = join(root, 'dist', 'chem', 'thread.js');
  if (!existsSync(built)) {
    throw new Error(`chem worker ${built} not found; run npm run build first`);
  }
  return built;
}
