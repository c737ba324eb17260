import { setTimeout as delay } from 'node:timers/promises';

import {
  cleanRun, expectExactlyOnce, processedAtLeast, recordsIn, seededRandom, testSeed, waitOrExplain,
} from './exactly-once.js';
import { hivSubset, WorkerStack } from './worker-stack.js';

const RECORDS = 3000;
const OPTIONS = { chunkSize: 25, concurrency: 2 };
const KILLS = 3;

/** Where in the batch each kill lands: a record count to wait for, then a short pause. */
interface KillMoment {
  records: number;
  pauseMs: number;
}

/** Kill moments between 10 % and 80 % of the records, in order. */
function killMoments(random: () => number, records: number): KillMoment[] {
  const moments = Array.from({ length: KILLS }, () => ({
    records: Math.floor(records * (0.1 + 0.7 * random())),
    pauseMs: Math.floor(1500 * random()),
  }));
  return moments.sort((a, b) => a.records - b.records);
}

describe('a worker process killed with SIGKILL', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start();
  }, 120_000);

  afterAll(async () => stack?.stop());

  test('killed three times mid-batch and replaced, the batch counts each record once', async () => {
    const seed = testSeed();
    console.log(`kill moments from seed ${seed}; MOLBATCH_TEST_SEED=${seed} repeats them`);
    const moments = killMoments(seededRandom(seed), RECORDS);
    const input = hivSubset(RECORDS);
    expect(recordsIn(input)).toBe(RECORDS);
    const clean = await cleanRun(stack, input, OPTIONS);

    let worker = await stack.worker(null);
    const batchId = await stack.client.start(input, OPTIONS);
    let reached = 0;
    for (const moment of moments) {
      // Progress must move past the last kill, by a chunk at least, before the next one.
      const target = Math.max(moment.records, reached + OPTIONS.chunkSize);
      expect(await processedAtLeast(stack, batchId, target, 180_000)).toBe(true);
      await delay(moment.pauseMs);
      worker.child.kill('SIGKILL');

      expect(await worker.exited).toBeNull();
      expect(worker.child.signalCode).toBe('SIGKILL');
      worker = await stack.worker(null);
      // A query may time out while the server still routes tasks to the dead worker.
      reached = await stack.client.progress(batchId).then((p) => p.processed, () => target);
      console.log('killed a worker mid-batch', { target, pauseMs: moment.pauseMs, reached });
    }
    const result = await waitOrExplain(stack, batchId);

    await expectExactlyOnce(stack, result, clean, RECORDS);
  }, 360_000);
});
