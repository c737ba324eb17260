import { CancellationScope, log, proxyActivities } from '@temporalio/workflow';

import { rootCause } from '../common/errors.js';
import type { BatchSummary, WebhookOutcome } from '../common/types.js';
import type { Activities } from '../activities/index.js';
import { RETRY } from './retry.js';

const { failWebhookDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: RETRY,
});

/** The events a batch's webhook announces. */
export type WebhookEvent = 'batch.completed' | 'batch.cancelled';

/**
 * Delivers the webhook of `event`, retrying for `retrySeconds`. A webhook that cannot be
 * delivered is recorded and logged; it does not fail the batch.
 */
export async function notify(
  url: string,
  summary: BatchSummary,
  retrySeconds: number,
  event: WebhookEvent = 'batch.completed',
): Promise<WebhookOutcome> {
  const { deliverWebhook } = proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    scheduleToCloseTimeout: retrySeconds * 1000,
    retry: RETRY,
  });
  const deliveryId = `${summary.batchId}.${event}`;

  try {
    const sent = await deliverWebhook({
      deliveryId, batchId: summary.batchId, url, event, data: summary,
    });
    return { delivered: true, statusCode: sent.statusCode };
  } catch (error) {
    const reason = rootCause(error as Error).message;
    // The batch has ended; a cancellation now must not leave the delivery pending.
    await CancellationScope.nonCancellable(() =>
      failWebhookDelivery({ deliveryId, error: reason }));
    log.warn('webhook not delivered', { batchId: summary.batchId, error: reason });
    return { delivered: false, error: reason };
  }
}
