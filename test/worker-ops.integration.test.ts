import path from 'node:path';

import { hivSubset, until, WorkerStack } from './worker-stack.js';

const SMALL = path.join(process.cwd(), 'test', 'fixtures', 'small.smi');
const ACTIVITY = 2;

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('molbatch worker', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start();
  }, 120_000);

  afterEach(async () => stack?.stopWorkers());
  afterAll(async () => stack?.stop());

  // A batch this small takes the fast lane, so its chemistry waits for a worker of that queue.
  test('a worker started with --queues serves only those; a small batch waits for a fast-lane worker', async () => {
    await stack.worker(['molbatch', 'molbatch-chem', 'molbatch-opsin']);
    const batchId = await stack.client.start(SMALL, { chunkSize: 1 });

    expect(await until(async () => (await stack.pollers('molbatch', ACTIVITY)) > 0, 30_000)).toBe(true);
    expect(await stack.pollers('molbatch-chem', ACTIVITY)).toBeGreaterThan(0);
    expect(await stack.pollers('molbatch-fast', ACTIVITY)).toBe(0);
    expect(await until(async () => (await stack.client.progress(batchId)).state === 'validating', 60_000))
      .toBe(true);
    expect((await stack.client.progress(batchId)).processed).toBe(0);

    await stack.worker(['molbatch-fast']);
    const result = await stack.client.wait(batchId);

    expect(result.total).toBe(3);
    expect(result.passed + result.warned + result.failed + result.errored).toBe(3);
  }, 240_000);

  test('SIGTERM mid-batch drains and exits 0; a new worker completes the batch with exact counts', async () => {
    const input = hivSubset(1500);
    const first = await stack.worker(null, { MOLBATCH_SHUTDOWN_GRACE_SECONDS: '60' });
    const batchId = await stack.client.start(input, { chunkSize: 50, concurrency: 2 });

    expect(await until(async () => (await stack.client.progress(batchId)).chunksDone >= 2, 120_000))
      .toBe(true);
    first.child.kill('SIGTERM');

    expect(await first.exited).toBe(0);
    const messages = jsonLines(first.stdout()).map((line) => line.msg);
    expect(messages).toContain('worker draining');
    expect(messages[messages.length - 1]).toBe('worker stopped');

    await stack.worker(null);
    const result = await stack.client.wait(batchId);

    expect(result.total).toBe(1500);
    expect(result.passed + result.warned + result.failed + result.errored).toBe(1500);
    expect(result.chunksDone).toBe(30);
    expect(await stack.resultRows(batchId)).toEqual({ rows: 1500, distinct: 1500 });
  }, 400_000);
});
