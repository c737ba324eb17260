import { log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

import { rootCause } from '../common/errors.js';
import { CHEM_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import type {
  BatchProgress, BatchResult, BatchSummary, ValidateBatchInput, WebhookOutcome,
} from '../common/types.js';
import type { Activities } from '../activities/index.js';
import { addChunk, emptyTotals, processed, type Totals } from './aggregate.js';
import { progressQuery } from './definitions.js';

const retry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' };

const { ingest, completeBatch } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, nonRetryableErrorTypes: ['UnreadableBatchError'] },
});

const { validateChunk } = proxyActivities<Activities>({
  taskQueue: CHEM_QUEUE,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry,
});

const { convertNames } = proxyActivities<Activities>({
  taskQueue: OPSIN_QUEUE,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry,
});

const { deliverWebhook } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // About 15 s of retries; the batch's end is not held up longer for a receiver that is down.
  retry: { ...retry, maximumAttempts: 5 },
});

/** Validates one batch: ingest, chunks in a sliding window, totals counted once, audit, webhook. */
export async function validateBatch(input: ValidateBatchInput): Promise<BatchResult> {
  const { batchId, options } = input;
  const info = workflowInfo();
  let state: BatchProgress['state'] = 'ingesting';
  let totals: Totals = emptyTotals(batchId, info.workflowId, 0, 0);
  setHandler(progressQuery, () => ({ ...totals.summary, state, processed: processed(totals) }));

  const ingested = await ingest({ batchId, sourcePath: input.source.path, submitter: options.submitter });
  const chunkCount = Math.ceil(ingested.total / options.chunkSize);
  totals = emptyTotals(batchId, info.workflowId, ingested.total, chunkCount);
  state = 'validating';

  await forEachInWindow(chunkCount, options.concurrency, async (chunkIndex) => {
    const chunk = { batchId, chunkIndex, chunkSize: options.chunkSize };
    if (ingested.namedOnly > 0) {
      // Only batches that set OPSIN options carry them, so older inputs stay as they were.
      await convertNames(options.opsin ? { ...chunk, opsin: options.opsin } : chunk);
    }
    addChunk(totals, await validateChunk(chunk));
  });

  state = 'finishing';
  const durationMs = Date.now() - info.startTime.getTime();
  await completeBatch({ summary: totals.summary, submitter: options.submitter, durationMs });
  const webhook = options.webhookUrl ? await notify(options.webhookUrl, totals.summary) : undefined;

  state = 'completed';
  log.info('batch completed', { batchId, moleculeCount: ingested.total, durationMs });
  return { ...totals.summary, webhook };
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

/** A webhook that cannot be delivered is recorded and logged; it does not fail the batch. */
async function notify(url: string, summary: BatchSummary): Promise<WebhookOutcome> {
  const event = 'batch.completed';
  try {
    const sent = await deliverWebhook({ deliveryId: `${summary.batchId}.${event}`, url, event, data: summary });
    return { delivered: true, statusCode: sent.statusCode };
  } catch (error) {
    const reason = rootCause(error as Error).message;
    log.warn('webhook not delivered', { batchId: summary.batchId, error: reason });
    return { delivered: false, error: reason };
  }
}
