import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { verifyWebhook } from '../client/webhook.js';
import { openStore, WebhookStore, type StoreLocation } from '../store/index.js';
import { runCli, workDir, type CliRun } from './cli.js';
import { SECRET, startReceiver, type Delivery } from './receiver.js';


const SMALL = path.join(process.cwd(), 'test', 'fixtures', 'small.smi');

/** A batch run against a scripted receiver. */
export interface HookRun {
  batchId: string;
  run: CliRun;
  deliveries: Delivery[];
}

/** A fresh embedded home, and the environment that points the CLI at it and at a store. */
export function testEnv(storeUrl?: string) {
  const home = path.join(workDir(), '.molbatch');
  const env: Record<string, string> = {
    MOLBATCH_HOME: home,
    MOLBATCH_WEBHOOK_SECRET: SECRET,
    MOLBATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    MOLBATCH_DATABASE_URL: storeUrl ?? '',
  };
  const location: StoreLocation = { url: storeUrl, home };
  return { home, env, location };
}

/** Runs the small fixture with a webhook to a receiver answering `statuses` in turn. */
export async function runWithReceiver(
  env: Record<string, string>,
  statuses: number[],
  extraArgs: string[] = [],
): Promise<HookRun> {
  const batchId = `test-${crypto.randomBytes(5).toString('hex')}`;
  const receiver = await startReceiver(statuses);
  try {
    const args = ['run', SMALL, '--webhook', receiver.url, '--batch-id', batchId, ...extraArgs];
    const run = await runCli(args, env);
    if (run.code !== 0) {
      throw new Error(`molbatch run exited ${run.code}:\n${run.stderr}`);
    }
    return { batchId, run, deliveries: receiver.deliveries };
  } finally {
    await receiver.close();
  }
}

/** The audit rows of a batch, through `molbatch audit --json`. */
export async function auditOf(env: Record<string, string>, batchId: string) {
  const run = await runCli(['audit', batchId, '--json'], env);
  if (run.code !== 0) {
    throw new Error(`molbatch audit exited ${run.code}:\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

/** The deliveries of a batch and the attempts of each, read from the store. */
export async function deliveriesOf(location: StoreLocation, batchId: string) {
  const orm = await openStore(location);
  try {
    const store = new WebhookStore(orm);
    const deliveries = await store.readDeliveries(batchId);
    const attempts = await Promise.all(deliveries.map((d) => store.readAttempts(d.id)));
    return { deliveries, attempts };
  } finally {
    await orm.close();
  }
}

/** Defines the webhook and audit tests against one store. */
export function describeWebhookFlow(storeName: string, storeUrl: () => Promise<string | undefined>) {
  describe(`webhooks and the audit trail on ${storeName}`, () => {
    let setup: ReturnType<typeof testEnv>;

    beforeAll(async () => {
      setup = testEnv(await storeUrl());
    });

    test('503 twice then 200: one webhook id, three signed attempts recorded, one delivery delivered',
      async () => {
        const { batchId, deliveries } = await runWithReceiver(setup.env, [503, 503, 200]);

        const ids = new Set(deliveries.map((d) => d.headers['webhook-id']));
        expect(ids).toEqual(new Set([`${batchId}.batch.completed`]));
        const events = deliveries.map((d) => verifyWebhook(SECRET, d.body, d.headers));
        expect(events.map((e) => e.data.batchId)).toEqual([batchId, batchId, batchId]);

        const stored = await deliveriesOf(setup.location, batchId);
        expect(stored.deliveries).toHaveLength(1);
        expect(stored.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
        expect(stored.attempts[0].map((a) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 503], [3, 200]]);
        expect(stored.attempts[0].every((a) => a.durationMs >= 0)).toBe(true);
      }, 300_000);

    test('400: no retry, the failure recorded, and the batch still completed', async () => {
      const { batchId, run, deliveries } = await runWithReceiver(setup.env, [400]);

      expect(deliveries).toHaveLength(1);
      expect(run.stdout).toMatch(/webhook {4}NOT delivered: webhook to http:\/\/127\.0\.0\.1:\d+ answered 400/);
      const stored = await deliveriesOf(setup.location, batchId);
      expect(stored.deliveries[0]).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 400 });
      expect(stored.attempts[0][0].error).toMatch(/answered 400/);
      expect((await auditOf(setup.env, batchId)).map((row) => row.event)).toContain('batch.completed');
    }, 300_000);

    test('molbatch audit prints one row per event, with the counts, ids and actor', async () => {
      const { batchId } = await runWithReceiver(setup.env, [204], ['--submitter', 'audit-test']);

      const rows = await auditOf(setup.env, batchId);
      expect(rows.map((r) => r.event)).toEqual(['batch.submitted', 'batch.started', 'batch.completed']);
      expect(rows[1]).toMatchObject({ moleculeCount: 3, passed: 0, actor: 'audit-test' });
      expect(rows[2]).toMatchObject({ batchId, workflowId: batchId, moleculeCount: 3, passed: 2 });
      expect(['warned', 'failed', 'errored'].map((k) => rows[2][k])).toContain(1);
      expect(rows.every((r) => r.runId === rows[0].runId && String(r.runId).length > 0)).toBe(true);
    }, 300_000);

    test('an unreadable file ends with batch.failed, naming the line', async () => {
      const input = path.join(workDir(), 'columns.csv');
      fs.writeFileSync(input, 'weight,colour\n12,blue\n');
      const batchId = `test-${crypto.randomBytes(5).toString('hex')}`;

      const run = await runCli(['run', input, '--batch-id', batchId], setup.env);

      expect(run.code).toBe(1);
      const rows = await auditOf(setup.env, batchId);
      expect(rows.map((r) => r.event)).toEqual(['batch.submitted', 'batch.failed']);
      expect(rows[1].details).toMatchObject({ reason: expect.stringContaining(`${input}:1:`) });
    }, 300_000);
  });
}
