import fs from 'node:fs';
import path from 'node:path';

import { runCli, workDir } from './cli.js';
import { DevProcess } from './dev-process.js';
import { SECRET, startReceiver, type Receiver } from './receiver.js';
import { until } from './worker-stack.js';

const mixed = path.join(process.cwd(), 'test', 'fixtures', 'mixed.csv');

function ethanols(count: number): string {
  const file = path.join(workDir(), `ethanol-${count}.smi`);
  fs.writeFileSync(file, Array.from({ length: count }, (_, i) => `CCO e${i}\n`).join(''));
  return file;
}

describe('submit, status, cancel and validate against a running molbatch dev', () => {
  let dev: DevProcess;
  let receiver: Receiver;
  const cli = (...args: string[]) => runCli(args, dev.cliEnv());
  const status = async (batchId: string) => JSON.parse((await cli('status', batchId, '--json')).stdout);

  beforeAll(async () => {
    receiver = await startReceiver([204]);
    dev = await DevProcess.start({
      MOLBATCH_WEBHOOK_SECRET: SECRET, MOLBATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    });
  }, 180_000);

  afterAll(async () => {
    await dev?.stop();
    await receiver?.close();
  });

  test('submit prints the batch id and returns; status then reports the run summary fields', async () => {
    const submitted = await cli('submit', mixed, '--chunk-size', '4');
    expect(submitted.code).toBe(0);
    const batchId = submitted.stdout.trim();
    expect(batchId).toMatch(/^batch-\d{8}T\d{6}-[0-9a-f]{6}$/);

    await dev.batches.wait(batchId);
    expect(await status(batchId)).toMatchObject({
      batchId, workflowId: batchId, state: 'completed',
      total: 9, passed: 4, warned: 1, failed: 1, errored: 3, processed: 9,
    });
    const text = await cli('status', batchId);
    expect(text.stdout).toContain(`batch ${batchId} completed`);
    expect(text.stdout).toMatch(/pass\s+4/);
  }, 120_000);

  test('cancel ends a running batch cleanly: results so far kept, batch.cancelled sent', async () => {
    const submitted = await cli('submit', ethanols(300), '--chunk-size', '1', '--concurrency', '1',
      '--webhook', `${receiver.url}/hook`);
    const batchId = submitted.stdout.trim();
    expect(await until(async () => (await status(batchId)).processed >= 3, 60_000)).toBe(true);

    const cancelled = await cli('cancel', batchId);
    expect(cancelled.code).toBe(0);
    const after = await status(batchId);
    expect(after.state).toBe('cancelled');
    expect(after.processed).toBeGreaterThanOrEqual(3);
    expect(after.processed).toBeLessThan(300);

    const stored = [];
    for await (const row of dev.batches.results(batchId, { home: dev.home, pageSize: 50 })) {
      stored.push(row);
    }
    expect(stored).toHaveLength(300);
    expect(stored.filter((r) => r.status === 'pass')).toHaveLength(after.passed);

    const hook = receiver.deliveries.find((d) => d.headers['webhook-id'] === `${batchId}.batch.cancelled`);
    expect(hook).toBeDefined();
    const body = JSON.parse(hook?.body ?? '{}');
    expect(body).toMatchObject({ type: 'batch.cancelled', data: { batchId, passed: after.passed } });
  }, 180_000);

  test('validate runs one SMILES as a structure', async () => {
    const run = await cli('validate', 'CC(=O)Oc1ccccc1C(=O)O', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'pass', fromName: false, inchikey: 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N', formula: 'C9H8O4',
    });
  }, 60_000);

  test('validate converts a name with OPSIN first, and prints readable lines', async () => {
    const run = await cli('validate', '2-methylpropan-2-ol');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^status\s+pass$/m);
    expect(run.stdout).toMatch(/^structure\s+\S+ \(from the name\)$/m);
    expect(run.stdout).toMatch(/^inchikey\s+DKGAVHZHDRPRBM-UHFFFAOYSA-N$/m);
  }, 60_000);

  test('validate answers a name OPSIN cannot read with an error result, not a crash', async () => {
    const run = await cli('validate', 'not a real chemical name at all', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'error', issues: ['name-not-converted'] });
  }, 60_000);

  test('status of a batch that does not exist fails and names it', async () => {
    const run = await cli('status', 'batch-that-never-was');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/batch-that-never-was/);
  }, 60_000);
});
