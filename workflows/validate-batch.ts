import {
  CancellationScope, isCancellation, log, proxyActivities, setHandler, workflowInfo,
} from '@temporalio/workflow';

import { rootCause } from '../common/errors.js';
import { CHEM_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import type {
  BatchProgress, BatchResult, StatusCounts, ValidateBatchInput,
} from '../common/types.js';
import type { Activities } from '../activities/index.js';
import { RETRY } from './retry.js';
import { addChunk, emptyTotals, processed, type Totals } from './aggregate.js';
import { progressQuery } from './definitions.js';
import { notify } from './notify.js';

const { ingest } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { ...RETRY, nonRetryableErrorTypes: ['UnreadableBatchError'] },
});

// No attempt limit: while the store is down, the batch waits for it.
const { completeBatch, recordBatchEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: RETRY,
});

const { validateChunk } = proxyActivities<Activities>({
  taskQueue: CHEM_QUEUE,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: RETRY,
});

const { convertNames } = proxyActivities<Activities>({
  taskQueue: OPSIN_QUEUE,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: RETRY,
});

/** What the workflow knows of its batch as it goes. */
interface RunState {
  state: BatchProgress['state'];
  totals: Totals;
}

/** Validates one batch: ingest, chunks in a sliding window, totals counted once, audit, webhook. */
export async function validateBatch(input: ValidateBatchInput): Promise<BatchResult> {
  const info = workflowInfo();
  const run: RunState = {
    state: 'ingesting',
    totals: emptyTotals(input.batchId, info.workflowId, 0, 0),
  };
  setHandler(progressQuery, () => ({
    ...run.totals.summary, state: run.state, processed: processed(run.totals),
  }));

  try {
    return await validate(input, run);
  } catch (error) {
    await recordEarlyEnd(input, run, error as Error);
    throw error;
  }
}

async function validate(input: ValidateBatchInput, run: RunState): Promise<BatchResult> {
  const { batchId, options } = input;
  const info = workflowInfo();
  const ingested = await ingest({ batchId, sourcePath: input.source.path, submitter: options.submitter });
  const chunkCount = Math.ceil(ingested.total / options.chunkSize);
  run.totals = emptyTotals(batchId, info.workflowId, ingested.total, chunkCount);
  await recordBatchEvent({
    batchId, event: 'batch.started', actor: options.submitter, moleculeCount: ingested.total,
    counts: countsOf(run.totals), details: { chunkCount, chunkSize: options.chunkSize },
  });

  run.state = 'validating';
  await forEachInWindow(chunkCount, options.concurrency, async (chunkIndex) => {
    const chunk = { batchId, chunkIndex, chunkSize: options.chunkSize };
    if (ingested.namedOnly > 0) {
      // Only batches that set OPSIN options carry them, so older inputs stay as they were.
      await convertNames(options.opsin ? { ...chunk, opsin: options.opsin } : chunk);
    }
    // As with OPSIN: only batches that set checks carry them, so replays see the same input.
    const input = options.checks ? { ...chunk, checks: options.checks } : chunk;
    addChunk(run.totals, await validateChunk(input));
  });

  run.state = 'finishing';
  const { summary } = run.totals;
  const durationMs = Date.now() - info.startTime.getTime();
  await completeBatch({ summary, submitter: options.submitter, durationMs });
  run.state = 'completed';
  const webhook = options.webhookUrl
    ? await notify(options.webhookUrl, summary, options.webhookRetrySeconds ?? 60)
    : undefined;

  log.info('batch completed', { batchId, moleculeCount: ingested.total, durationMs });
  return { ...summary, webhook };
}

/** Records `batch.failed` or `batch.cancelled` with the counts so far; the caller rethrows. */
async function recordEarlyEnd(input: ValidateBatchInput, run: RunState, error: Error) {
  if (run.state === 'completed') {
    return;
  }
  const cancelled = isCancellation(error);
  const entry = {
    batchId: input.batchId,
    event: cancelled ? 'batch.cancelled' : 'batch.failed',
    finalState: cancelled ? 'cancelled' : 'failed',
    actor: input.options.submitter,
    moleculeCount: run.totals.summary.total,
    counts: countsOf(run.totals),
    details: { reason: rootCause(error).message, during: run.state },
  } as const;

  // A cancelled scope schedules nothing; the audit row must be written all the same.
  await CancellationScope.nonCancellable(() => recordBatchEvent(entry));
  const message = cancelled ? 'batch cancelled' : 'batch failed';
  log.warn(message, { batchId: input.batchId, error: entry.details.reason });
}

function countsOf(totals: Totals): StatusCounts {
  const { passed, warned, failed, errored } = totals.summary;
  return { passed, warned, failed, errored };
}

/** Runs `work` for indexes 0..count-1 with at most `width` in flight at once. */
async function forEachInWindow(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      await work(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, count)) }, lane));
}
