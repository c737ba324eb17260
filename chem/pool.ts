import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ChemRecord, ChemRecordResult, ChemTask } from './thread.js';

/** A pool of worker threads, each with its own RDKit instance. */
export interface ChemPool {
  /** Validates the records across the threads; results come back in input order. */
  validate(records: ChemRecord[]): Promise<ChemRecordResult[]>;
  /** Stops the threads; pending work is rejected. */
  close(): Promise<void>;
  /** Number of worker threads. */
  threads: number;
}

/** Options of `createChemPool`. */
export interface ChemPoolOptions {
  /** Worker threads; `os.availableParallelism()` by default. */
  threads?: number;
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

  return {
    threads,
    validate: (records) => validateInSlices(piscina, records, threads),
    close: () => piscina.destroy(),
  };
}

async function validateInSlices(
  piscina: Piscina<ChemTask, ChemRecordResult[]>,
  records: ChemRecord[],
  threads: number,
): Promise<ChemRecordResult[]> {
  const size = Math.max(1, Math.min(MAX_SLICE, Math.ceil(records.length / threads)));
  const slices: ChemRecord[][] = [];
  for (let start = 0; start < records.length; start += size) {
    slices.push(records.slice(start, start + size));
  }

  const results = await Promise.all(slices.map((slice) => piscina.run({ records: slice })));
  return results.flat();
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
