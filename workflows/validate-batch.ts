import {
  CancellationScope, ContinueAsNew, continueAsNew, isCancellation, log, patched, proxyActivities,
  setHandler, workflowInfo,
} from '@temporalio/workflow';

import { rootCause } from '../common/errors.js';
import { FAST_LANE_MAX_RECORDS } from '../common/queues.js';
import type { BatchResult, ValidateBatchInput } from '../common/types.js';
import type { Activities, IngestOutput } from '../activities/index.js';
import { RETRY } from './retry.js';
import { addChunk, emptyTotals } from './aggregate.js';
import { progressQuery } from './definitions.js';
import { historyBudget, historyFull } from './history.js';
import { fastLane, normalLane } from './lanes.js';
import { notify } from './notify.js';
import { publish, publishChunk } from './publish.js';
import { countsOf, progressOf, type RunState } from './state.js';
import { forEachInWindow } from './window.js';

/**
 * Version 2: search attributes and current details, continue-as-new, the fast lane and the
 * `batch.cancelled` webhook. Histories without the marker replay the first version.
 */
export const SCALE_PATCH = 'molbatch-scale-v2';

/**
 * Version 3: a cancel launches no more chunks and lets those in flight finish and count, so the
 * results in the store and the cancelled batch's totals agree. Without it, a chunk that wrote its
 * rows as the cancel came was left out of the totals.
 */
export const DRAIN_PATCH = 'molbatch-cancel-drain-v3';

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

/** Validates one batch: ingest, chunks in a sliding window, totals counted once, audit, webhook. */
export async function validateBatch(input: ValidateBatchInput): Promise<BatchResult> {
  const v2 = patched(SCALE_PATCH);
  const drain = v2 && patched(DRAIN_PATCH);
  const info = workflowInfo();
  const resume = v2 ? input.resume : undefined;
  const run: RunState = {
    state: resume ? 'validating' : 'ingesting',
    totals: emptyTotals(input.batchId, info.workflowId, 0, 0),
    v2,
    drain,
  };
  if (resume) {
    run.totals.summary = resume.summary;
  }
  setHandler(progressQuery, () => progressOf(run));

  try {
    return await validate(input, run);
  } catch (error) {
    if (!(error instanceof ContinueAsNew)) {
      await recordEarlyEnd(input, run, error as Error);
    }
    throw error;
  }
}

async function validate(input: ValidateBatchInput, run: RunState): Promise<BatchResult> {
  const { batchId, options } = input;
  const info = workflowInfo();
  const resume = run.v2 ? input.resume : undefined;
  const ingested = resume?.ingested ?? await ingest({
    batchId, sourcePath: input.source.path, submitter: options.submitter,
  });
  const chunkCount = Math.ceil(ingested.total / options.chunkSize);
  if (!resume) {
    run.totals = emptyTotals(batchId, info.workflowId, ingested.total, chunkCount);
    await recordBatchEvent({
      batchId, event: 'batch.started', actor: options.submitter, moleculeCount: ingested.total,
      counts: countsOf(run.totals), details: { chunkCount, chunkSize: options.chunkSize },
    });
  }

  run.state = 'validating';
  if (run.v2) {
    publish(run);
  }
  const cursor = await validateChunks(input, run, ingested, chunkCount);
  if (cursor < chunkCount) {
    const startedAtMs = resume?.startedAtMs ?? info.startTime.getTime();
    log.info('batch continues as new', { batchId, cursor, historyLength: info.historyLength });
    return continueAsNew<typeof validateBatch>({
      ...input,
      resume: { cursor, ingested, summary: run.totals.summary, startedAtMs, run: (resume?.run ?? 1) + 1 },
    });
  }
  return finish(input, run, resume?.startedAtMs ?? info.startTime.getTime());
}

/** Walks the chunks from the cursor; returns where it stopped (the chunk count when done). */
async function validateChunks(
  input: ValidateBatchInput,
  run: RunState,
  ingested: IngestOutput,
  chunkCount: number,
): Promise<number> {
  const { batchId, options } = input;
  const lane = run.v2 && ingested.total <= FAST_LANE_MAX_RECORDS ? fastLane : normalLane;
  const budget = historyBudget(options.maxHistoryEvents);
  const pause = run.v2 ? () => historyFull(budget, options.concurrency) : undefined;

  const from = input.resume?.cursor ?? 0;
  const work = async (chunkIndex: number) => {
    const chunk = { batchId, chunkIndex, chunkSize: options.chunkSize };
    if (ingested.namedOnly > 0) {
      // Only batches that set OPSIN options carry them, so older inputs stay as they were.
      await lane.convertNames(options.opsin ? { ...chunk, opsin: options.opsin } : chunk);
    }
    // As with OPSIN: only batches that set checks carry them, so replays see the same input.
    const checked = options.checks ? { ...chunk, checks: options.checks } : chunk;
    addChunk(run.totals, await lane.validateChunk(checked));
    if (run.v2) {
      publishChunk(run);
    }
  };
  if (!run.drain) {
    return forEachInWindow(from, chunkCount, options.concurrency, work, pause);
  }

  let cancel: unknown;
  CancellationScope.current().cancelRequested.catch((error: unknown) => {
    cancel = error;
  });
  // The chunks run where a cancel cannot reach them; the cancel only stops new launches.
  const cursor = await CancellationScope.nonCancellable(() => forEachInWindow(
    from, chunkCount, options.concurrency, work, () => cancel !== undefined || Boolean(pause?.()),
  ));
  if (cancel !== undefined) {
    throw cancel;
  }
  return cursor;
}

async function finish(input: ValidateBatchInput, run: RunState, startedAtMs: number) {
  const { batchId, options } = input;
  run.state = 'finishing';
  const { summary } = run.totals;
  const durationMs = Date.now() - startedAtMs;
  await completeBatch({ summary, submitter: options.submitter, durationMs });
  run.state = 'completed';
  if (run.v2) {
    publish(run);
  }
  const webhook = options.webhookUrl
    ? await notify(options.webhookUrl, summary, options.webhookRetrySeconds ?? 60)
    : undefined;

  log.info('batch completed', { batchId, moleculeCount: summary.total, durationMs });
  return { ...summary, webhook };
}

/** Records `batch.failed` or `batch.cancelled` with the counts so far; the caller rethrows. */
async function recordEarlyEnd(input: ValidateBatchInput, run: RunState, error: Error) {
  if (run.state === 'completed') {
    return;
  }
  const cancelled = isCancellation(error);
  const during = run.state;
  const entry = {
    batchId: input.batchId,
    event: cancelled ? 'batch.cancelled' : 'batch.failed',
    finalState: cancelled ? 'cancelled' : 'failed',
    actor: input.options.submitter,
    moleculeCount: run.totals.summary.total,
    counts: countsOf(run.totals),
    details: { reason: rootCause(error).message, during },
  } as const;

  // A cancelled scope schedules nothing; the audit row must be written all the same.
  await CancellationScope.nonCancellable(() => recordBatchEvent(entry));
  if (run.v2) {
    run.state = entry.finalState;
    publish(run);
    await announceCancel(input, run, cancelled);
  }
  const message = cancelled ? 'batch cancelled' : 'batch failed';
  log.warn(message, { batchId: input.batchId, error: entry.details.reason });
}

/** Sends the `batch.cancelled` webhook with the counts so far, when the batch has a webhook. */
async function announceCancel(input: ValidateBatchInput, run: RunState, cancelled: boolean) {
  const { webhookUrl, webhookRetrySeconds } = input.options;
  if (!cancelled || !webhookUrl) {
    return;
  }
  await CancellationScope.nonCancellable(() =>
    notify(webhookUrl, run.totals.summary, webhookRetrySeconds ?? 60, 'batch.cancelled'));
}
