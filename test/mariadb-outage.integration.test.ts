import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { workDir } from './cli.js';
import { OwnMariadb } from './own-mariadb.js';
import { auditOf, testEnv } from './webhook-flow.js';

const FREESOLV = path.join(process.cwd(), 'examples', 'freesolv.csv');
const OUTAGE_MS = 8000;

async function resultCount(db: OwnMariadb, batchId: string): Promise<number> {
  const rows = await db.query<Array<{ n: number }>>(
    `select count(*) as n from results where batch_id = '${batchId}'`, 'molbatch');
  return Number(rows[0].n);
}

describe('a MariaDB outage in the middle of a batch', () => {
  const db = new OwnMariadb(path.join(workDir(), 'mariadb'));

  afterAll(async () => db.stop());

  test('the batch waits, completes once the database is back, and writes each audit row once', async () => {
    await db.start();
    await db.query('create database molbatch');
    const { env } = testEnv(db.url('molbatch'));
    const batchId = `outage-${Date.now()}`;

    const child = spawn(process.execPath, [
      'bin/molbatch.js', 'run', FREESOLV, '--batch-id', batchId, '--chunk-size', '2', '--concurrency', '1',
    ], { env: { ...process.env, TEMPORAL_ADDRESS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    let before = 0;
    while (before < 40) {
      await delay(200);
      before = await resultCount(db, batchId).catch(() => 0);
    }
    await db.stop();
    await delay(OUTAGE_MS);
    await db.start();

    expect(await exited).toBe(0);
    expect(before).toBeLessThan(642);
    expect(stdout).toMatch(/molecules {2}642/);
    expect(await resultCount(db, batchId)).toBe(642);
    const events = (await auditOf(env, batchId)).map((row) => row.event);
    expect(events).toEqual(['batch.submitted', 'batch.started', 'batch.completed']);
  }, 300_000);
});
