import { ApplicationFailure, Context } from '@temporalio/activity';
import { HTTPError, RequestError } from 'got';
import { Webhook } from 'standardwebhooks';

import type { ActivityDeps } from './deps.js';

/** Input of `deliverWebhook`; the secret is not here, it lives on the worker. */
export interface DeliverWebhookInput {
  /** Stable across retries so receivers can drop duplicates. */
  deliveryId: string;
  url: string;
  event: string;
  data: unknown;
}

/** Output of `deliverWebhook`. */
export interface DeliverWebhookOutput {
  statusCode: number;
  attempt: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Builds the activity that POSTs a Standard Webhooks signed event. */
export function deliverWebhookActivity({ http, webhookSecret }: Pick<ActivityDeps, 'http' | 'webhookSecret'>) {
  return async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliverWebhookOutput> {
    if (!webhookSecret) {
      throw ApplicationFailure.nonRetryable(
        'MOLBATCH_WEBHOOK_SECRET is not set on the worker; the webhook cannot be signed',
        'WebhookConfigError',
      );
    }

    const now = new Date();
    const body = JSON.stringify({ type: input.event, timestamp: now.toISOString(), data: input.data });
    const signature = new Webhook(webhookSecret).sign(input.deliveryId, now, body);
    const attempt = Context.current().info.attempt;

    try {
      const response = await http.post(input.url, {
        body,
        headers: {
          'content-type': 'application/json',
          'webhook-id': input.deliveryId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
        retry: { limit: 0 },
        timeout: { request: REQUEST_TIMEOUT_MS },
      });
      return { statusCode: response.statusCode, attempt };
    } catch (error) {
      throw classify(error, input.url);
    }
  };
}

/** Retry on network errors, 5xx, 408 and 429; any other 4xx will not get better. */
function classify(error: unknown, url: string): Error {
  const where = new URL(url).origin;
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const message = `webhook to ${where} answered ${status}`;
    const retryable = status >= 500 || status === 408 || status === 429;
    return retryable
      ? ApplicationFailure.retryable(message, 'WebhookHttpError')
      : ApplicationFailure.nonRetryable(message, 'WebhookRejected');
  }
  if (error instanceof RequestError) {
    return ApplicationFailure.retryable(`webhook to ${where} failed: ${error.code}`, 'WebhookNetworkError');
  }
  return error as Error;
}
