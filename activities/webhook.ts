import { Context } from '@temporalio/activity';

import type { ActivityDeps } from './deps.js';
import { postSigned } from './webhook-send.js';

/** Input of `deliverWebhook`; the secret is not here, it lives on the worker. */
export interface DeliverWebhookInput {
  /** Stable across retries so receivers can drop duplicates. */
  deliveryId: string;
  batchId: string;
  url: string;
  event: string;
  data: unknown;
}

/** Output of `deliverWebhook`. */
export interface DeliverWebhookOutput {
  statusCode: number;
  attempt: number;
}

/** Input of `failWebhookDelivery`: a delivery whose retries are over. */
export interface FailWebhookInput {
  deliveryId: string;
  error: string;
}

type WebhookDeps = Pick<ActivityDeps, 'http' | 'webhookSecret' | 'webhookAllowHosts' | 'webhooks'>;

/** Builds the activity that POSTs a signed event once per attempt and records every attempt. */
export function deliverWebhookActivity(deps: WebhookDeps) {
  const settings = {
    http: deps.http, secret: deps.webhookSecret, allowHosts: deps.webhookAllowHosts,
  };

  return async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliverWebhookOutput> {
    const { attempt } = Context.current().info;
    const { deliveryId, batchId, event } = input;
    const url = withoutCredentials(input.url);
    await deps.webhooks.openDelivery({ id: deliveryId, batchId, event, url });

    const started = Date.now();
    const { statusCode, failure } = await postSigned(settings, input);
    const status = !failure ? 'delivered' : failure.nonRetryable ? 'failed' : 'pending';
    await deps.webhooks.recordAttempt({
      deliveryId, attempt, statusCode, status,
      error: failure?.message ?? null,
      durationMs: Date.now() - started,
    });

    if (failure) {
      throw failure;
    }
    return { statusCode: statusCode as number, attempt };
  };
}

/** Builds the activity that closes a delivery still pending when its retry window ended. */
export function failWebhookDeliveryActivity({ webhooks }: Pick<ActivityDeps, 'webhooks'>) {
  return async function failWebhookDelivery(input: FailWebhookInput): Promise<void> {
    await webhooks.failPending(input.deliveryId, input.error);
  };
}

function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
