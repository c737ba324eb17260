import { ApplicationFailure } from '@temporalio/activity';
import { HTTPError, RequestError, type Got } from 'got';
import { Webhook } from 'standardwebhooks';

import { checkWebhookTarget, WebhookTargetError } from './webhook-target.js';

/** One signed event to POST. */
export interface SignedPost {
  deliveryId: string;
  url: string;
  event: string;
  data: unknown;
}

/** What one POST came to: the answer's status code, or the failure to throw. */
export interface PostOutcome {
  statusCode: number | null;
  failure: ApplicationFailure | null;
}

/** The worker's webhook settings; the secret stays here. */
export interface WebhookSettings {
  http: Got;
  secret?: string;
  allowHosts: readonly string[];
}

const REQUEST_TIMEOUT_MS = 10_000;

/** Checks the target, signs the body with the Standard Webhooks scheme and POSTs it once. */
export async function postSigned(
  settings: WebhookSettings,
  post: SignedPost,
): Promise<PostOutcome> {
  try {
    if (!settings.secret) {
      throw ApplicationFailure.nonRetryable(
        'MOLBATCH_WEBHOOK_SECRET is not set on the worker; the webhook cannot be signed',
        'WebhookConfigError',
      );
    }
    await checkWebhookTarget(post.url, settings.allowHosts);

    const now = new Date();
    const event = { type: post.event, timestamp: now.toISOString(), data: post.data };
    const body = JSON.stringify(event);
    const response = await settings.http.post(post.url, {
      body,
      headers: {
        'content-type': 'application/json',
        'webhook-id': post.deliveryId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(settings.secret).sign(post.deliveryId, now, body),
      },
      retry: { limit: 0 },
      // A redirect could lead past the host checks to an internal address.
      followRedirect: false,
      timeout: { request: REQUEST_TIMEOUT_MS },
    });
    if (response.statusCode >= 300) {
      const message = `webhook to ${new URL(post.url).origin} answered ${response.statusCode}; `
        + 'redirects are not followed';
      const failure = ApplicationFailure.nonRetryable(message, 'WebhookRejected');
      return { statusCode: response.statusCode, failure };
    }
    return { statusCode: response.statusCode, failure: null };
  } catch (error) {
    const statusCode = error instanceof HTTPError ? error.response.statusCode : null;
    return { statusCode, failure: classify(error, post.url) };
  }
}

/** Retry on network errors, 5xx, 408 and 429; other 4xx or a refused host will not get better. */
function classify(error: unknown, url: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) {
    return error;
  }
  if (error instanceof WebhookTargetError) {
    return ApplicationFailure.nonRetryable(error.message, 'WebhookHostRefused');
  }

  const where = new URL(url).origin;
  if (error instanceof HTTPError) {
    const status = error.response.statusCode;
    const message = `webhook to ${where} answered ${status}`;
    const retryable = status >= 500 || status === 408 || status === 429;
    return retryable
      ? ApplicationFailure.retryable(message, 'WebhookHttpError')
      : ApplicationFailure.nonRetryable(message, 'WebhookRejected');
  }
  const code = (error as { code?: string }).code ?? (error as Error).message;
  const kind = error instanceof RequestError ? 'failed' : 'could not be sent';
  const message = `webhook to ${where} ${kind}: ${code}`;
  return ApplicationFailure.retryable(message, 'WebhookNetworkError');
}
