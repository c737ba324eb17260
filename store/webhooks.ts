import type { EntityManager, MikroORM } from '@mikro-orm/core';

import { insertOnce } from './insert-once.js';
import { WebhookAttempt, WebhookDelivery, type DeliveryStatus } from './webhook-entities.js';

/** What one attempt to deliver a webhook came to. */
export interface AttemptEntry {
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** The delivery's status after this attempt. */
  status: DeliveryStatus;
}

/** The store's operations on webhook deliveries and their attempts. */
export class WebhookStore {
  constructor(private readonly orm: MikroORM) {}

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  /** Creates the delivery row as `pending` unless it exists already. */
  async openDelivery(values: Pick<WebhookDelivery, 'id' | 'batchId' | 'event' | 'url'>) {
    const em = this.em();
    if (await em.count(WebhookDelivery, { id: values.id }) > 0) {
      return;
    }
    const now = new Date();
    await insertOnce(() => em.insert(WebhookDelivery, {
      ...values, status: 'pending', attempts: 0, createdAt: now, updatedAt: now,
    }));
  }

  /** Records an attempt (once per attempt number) and moves the delivery to its new status. */
  async recordAttempt(entry: AttemptEntry): Promise<void> {
    const { status, ...attempt } = entry;
    const em = this.em();
    await em.upsert(WebhookAttempt, { ...attempt, createdAt: new Date() }, {
      onConflictFields: ['deliveryId', 'attempt'],
      onConflictAction: 'merge',
    });

    const attempts = await em.count(WebhookAttempt, { deliveryId: entry.deliveryId });
    await em.nativeUpdate(WebhookDelivery, { id: entry.deliveryId }, {
      status,
      attempts,
      lastStatusCode: entry.statusCode,
      lastError: entry.error,
      updatedAt: new Date(),
    });
  }

  /** Marks a delivery that is still pending as failed, when its retry window is over. */
  async failPending(deliveryId: string, error: string): Promise<void> {
    await this.em().nativeUpdate(WebhookDelivery, { id: deliveryId, status: 'pending' }, {
      status: 'failed',
      lastError: error,
      updatedAt: new Date(),
    });
  }

  /** Reads the deliveries of a batch. */
  async readDeliveries(batchId: string): Promise<WebhookDelivery[]> {
    return this.em().find(WebhookDelivery, { batchId }, { orderBy: { createdAt: 'asc' } });
  }

  /** Reads the attempts of a delivery in order. */
  async readAttempts(deliveryId: string): Promise<WebhookAttempt[]> {
    return this.em().find(WebhookAttempt, { deliveryId }, { orderBy: { attempt: 'asc' } });
  }
}
