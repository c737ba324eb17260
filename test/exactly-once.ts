import fs from 'node:fs';

import type { BatchProgress, BatchResult, StatusCounts } from '../common/types.js';
import type { StartOptions } from '../client/batches.js';
import { until, type WorkerStack } from './worker-stack.js';

/** The four status counts of a batch result. */
export function countsOf(result: BatchResult): StatusCounts {
  const { passed, warned, failed, errored } = result;
  return { passed, warned, failed, errored };
}

/** Records in a CSV file with a header and no quoted newlines: its non-empty lines but one. */
export function recordsIn(file: string): number {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').length - 1;
}

// Bounds each wait below the tests' own timeouts, so a stuck batch fails saying why.
const WAIT_MS = 150_000;

/** Waits for a batch; past `timeoutMs`, fails with its pending activities and their last errors. */
export async function waitOrExplain(
  stack: WorkerStack,
  batchId: string,
  timeoutMs = WAIT_MS,
): Promise<BatchResult> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => void pendingWork(stack, batchId).then(
      (pending) => reject(new Error(`batch ${batchId} still running after ${timeoutMs} ms: ${pending}`)),
      (error: Error) => reject(error),
    ), timeoutMs);
  });
  try {
    return await Promise.race([stack.client.wait(batchId), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function pendingWork(stack: WorkerStack, batchId: string): Promise<string> {
  const described = await stack.connection.workflowService.describeWorkflowExecution({
    namespace: 'default', execution: { workflowId: batchId },
  });
  const pending = (described.pendingActivities ?? []).map((activity) => ({
    type: activity.activityType?.name,
    attempt: activity.attempt,
    lastFailure: activity.lastFailure?.message,
  }));
  return JSON.stringify(pending);
}

/** Runs a batch with no faults on a worker of its own: the counts a faulty run must match. */
export async function cleanRun(
  stack: WorkerStack,
  input: string,
  options: StartOptions,
): Promise<BatchResult> {
  const worker = await stack.worker(null);
  const result = await waitOrExplain(stack, await stack.client.start(input, options), WAIT_MS);
  worker.child.kill('SIGTERM');
  await worker.exited;
  return result;
}

/**
 * Checks that a batch counted every record once: the clean run's counts, totals that add up,
 * and exactly one result row per record index from 0 to total - 1.
 */
export async function expectExactlyOnce(
  stack: WorkerStack,
  result: BatchResult,
  clean: BatchResult,
  records: number,
): Promise<void> {
  expect(result.total).toBe(records);
  expect(result.passed + result.warned + result.failed + result.errored).toBe(records);
  expect(countsOf(result)).toEqual(countsOf(clean));
  expect(result.issueCounts).toEqual(clean.issueCounts);
  expect(result.chunksDone).toBe(clean.chunkCount);
  expect(await stack.resultIndexes(result.batchId)).toEqual({
    rows: records, distinct: records, lowest: 0, highest: records - 1,
  });
}

/**
 * Waits until a batch has counted at least `records` records; false if it never got there, or
 * counted them all, so a kill that follows lands in the middle of the batch.
 */
export async function processedAtLeast(
  stack: WorkerStack,
  batchId: string,
  records: number,
  timeoutMs: number,
): Promise<boolean> {
  let last: BatchProgress | null = null;
  await until(async () => {
    last = await stack.client.progress(batchId).catch(() => last);
    return last !== null && last.processed >= records;
  }, timeoutMs);
  const seen = last as BatchProgress | null;
  return seen !== null && seen.processed >= records && seen.processed < seen.total;
}

/** A small seeded generator (mulberry32): the same seed gives the same moments. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from MOLBATCH_TEST_SEED, or a fresh one; print it so a failure can be replayed. */
export function testSeed(): number {
  const given = process.env.MOLBATCH_TEST_SEED;
  return given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
}
