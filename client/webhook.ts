import { Webhook } from 'standardwebhooks';

import type { BatchSummary } from '../common/types.js';

/** The body of a molbatch webhook, as `docs/webhook.schema.json` describes it. */
export interface BatchWebhookEvent {
  type: 'batch.completed' | 'batch.cancelled';
  /** When this attempt was signed, ISO 8601. */
  timestamp: string;
  data: BatchSummary;
}

/** Request headers as Node's http module or a framework hands them over. */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

const SIGNED_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Verifies a delivery's Standard Webhooks signature and timestamp over the raw body and returns
 * the event; throws when the signature, the secret or the timestamp does not match.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string | Buffer,
  headers: WebhookHeaders,
): BatchWebhookEvent {
  const signed: Record<string, string> = {};
  for (const name of SIGNED_HEADERS) {
    const value = headers[name] ?? headers[name.toUpperCase()];
    signed[name] = Array.isArray(value) ? value[0] : value ?? '';
  }
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  return new Webhook(secret).verify(body, signed) as BatchWebhookEvent;
}
