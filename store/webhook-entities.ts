import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** Where a webhook delivery stands; `pending` while attempts go on. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One webhook delivery; its id is the `webhook-id` header, the same on every attempt. */
export class WebhookDelivery {
  [OptionalProps]?: 'attempts' | 'createdAt' | 'updatedAt';
  id!: string;
  batchId!: string;
  event!: string;
  url!: string;
  status!: DeliveryStatus;
  attempts = 0;
  lastStatusCode?: number | null;
  lastError?: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** One attempt to deliver a webhook: its answer or error and how long it took. */
export class WebhookAttempt {
  [OptionalProps]?: 'createdAt';
  id?: number;
  deliveryId!: string;
  /** The activity attempt, from 1. */
  attempt!: number;
  statusCode?: number | null;
  error?: string | null;
  durationMs!: number;
  createdAt: Date = new Date();
}

/** Schema of the `webhook_deliveries` table. */
export const WebhookDeliverySchema = new EntitySchema<WebhookDelivery>({
  class: WebhookDelivery,
  tableName: 'webhook_deliveries',
  properties: {
    id: { type: 'string', primary: true, length: 200 },
    batchId: { type: 'string', length: 128 },
    event: { type: 'string', length: 32 },
    url: { type: 'text' },
    status: { type: 'string', length: 16 },
    attempts: { type: 'integer' },
    lastStatusCode: { type: 'integer', nullable: true },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** Schema of the `webhook_attempts` table. */
export const WebhookAttemptSchema = new EntitySchema<WebhookAttempt>({
  class: WebhookAttempt,
  tableName: 'webhook_attempts',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    deliveryId: { type: 'string', length: 200 },
    attempt: { type: 'integer' },
    statusCode: { type: 'integer', nullable: true },
    error: { type: 'text', nullable: true },
    durationMs: { type: 'integer' },
    createdAt: { type: 'datetime' },
  },
  uniques: [{
    name: 'webhook_attempts_delivery_attempt_unique',
    properties: ['deliveryId', 'attempt'],
  }],
});
