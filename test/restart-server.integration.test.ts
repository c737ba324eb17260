import {
  cleanRun, expectExactlyOnce, processedAtLeast, recordsIn, waitOrExplain,
} from './exactly-once.js';
import { hivSubset, WorkerStack } from './worker-stack.js';

const RECORDS = 2000;
const OPTIONS = { chunkSize: 25, concurrency: 2 };
// Long enough that the worker's polls and the activities' heartbeats fail for a while.
const DOWN_MS = 5000;

describe('the dev server stopped and started again mid-batch', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start();
  }, 120_000);

  afterAll(async () => stack?.stop());

  test('on the same database file and port, the batch completes with each record counted once', async () => {
    const input = hivSubset(RECORDS);
    expect(recordsIn(input)).toBe(RECORDS);
    const clean = await cleanRun(stack, input, OPTIONS);

    const worker = await stack.worker(null);
    const batchId = await stack.client.start(input, OPTIONS);
    expect(await processedAtLeast(stack, batchId, RECORDS / 4, 180_000)).toBe(true);
    await stack.restartServer(DOWN_MS);
    const workerGone = worker.exited.then((code) => {
      throw new Error(`the worker exited (${code}) after the restart:\n${worker.stdout()}`);
    });
    const result = await Promise.race([waitOrExplain(stack, batchId), workerGone]);

    await expectExactlyOnce(stack, result, clean, RECORDS);
    // The SDK's worker retries its polls while the server is away and polls the new one on the
    // same address, so the worker that saw the restart is the one that finished the batch.
    expect(worker.child.exitCode).toBeNull();
    expect(worker.child.signalCode).toBeNull();
    expect(worker.stdout()).toMatch(/"component":"core".*Unavailable/);
  }, 360_000);
});
