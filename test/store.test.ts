import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';

import { BatchStore, migrateStore, openStore, WebhookStore, type StoreLocation } from '../store/index.js';
import { collect } from './helpers.js';
import { requireMariadb } from './mariadb.js';

const sqlite = (): StoreLocation => ({ home: fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-store-')) });

const locations: Array<[string, () => Promise<StoreLocation>]> = [
  ['SQLite', async () => sqlite()],
  ['MariaDB', async () => ({ url: await requireMariadb(), home: os.tmpdir() })],
];

function entry(batchId: string, event: string) {
  return {
    batchId, event, workflowId: batchId, runId: 'run-1', actor: 'test', moleculeCount: 3,
    passed: 1, warned: 1, failed: 1, errored: 0, details: { note: event },
  };
}

describe.each(locations)('the store on %s', (_name, locate) => {
  let orm: MikroORM;
  let location: StoreLocation;
  const batchId = `store-${crypto.randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    location = await locate();
    orm = await openStore(location);
  });
  afterAll(async () => orm?.close());

  test('migrating a migrated store applies nothing', async () => {
    expect(await migrateStore(location)).toEqual([]);
  });

  test('an audit event recorded twice is one row, and the repeat does not throw', async () => {
    const store = new BatchStore(orm);

    expect(await store.recordAudit(entry(batchId, 'batch.started'))).toBe(true);
    expect(await store.recordAudit(entry(batchId, 'batch.started'))).toBe(false);
    expect((await store.readAudit(batchId)).map((row) => row.event)).toEqual(['batch.started']);
  });

  test('attempts of one delivery are rows of their own under one delivery id', async () => {
    const webhooks = new WebhookStore(orm);
    const id = `${batchId}.batch.completed`;
    const attempt = { deliveryId: id, statusCode: 503, error: 'answered 503', durationMs: 4 };

    await webhooks.openDelivery({ id, batchId, event: 'batch.completed', url: 'https://example.org/' });
    await webhooks.recordAttempt({ ...attempt, attempt: 1, status: 'pending' });
    await webhooks.openDelivery({ id, batchId, event: 'batch.completed', url: 'https://example.org/' });
    await webhooks.recordAttempt({ ...attempt, attempt: 2, statusCode: 200, error: null, status: 'delivered' });
    await webhooks.recordAttempt({ ...attempt, attempt: 2, statusCode: 200, error: null, status: 'delivered' });

    const [delivery, ...others] = await webhooks.readDeliveries(batchId);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect((await webhooks.readAttempts(id)).map((a) => a.statusCode)).toEqual([503, 200]);
  });

  test('input properties come back from the store with their keys in file order', async () => {
    const store = new BatchStore(orm);
    const properties = { zeta: '1', 'measured log solubility': '-0.77', alpha: 'line 1\nline 2' };
    const record = { recordIndex: 0, line: 1, name: 'x', input: 'CCO', readError: null };

    await store.stageRecords(batchId, [{ ...record, properties }]);
    await store.stageRecords(batchId, [{ ...record, recordIndex: 1, properties: null }]);
    const [page] = await collect(store.readResults(batchId));

    expect(Object.entries(page[0].inputProperties ?? {})).toEqual(Object.entries(properties));
    expect(page[1].inputProperties).toBeNull();
  });
});
