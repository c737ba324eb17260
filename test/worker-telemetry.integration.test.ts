import path from 'node:path';

import { freeLoopbackPort } from '../workers/metrics-server.js';
import { hivSubset, until, WorkerStack } from './worker-stack.js';

const SMALL = path.join(process.cwd(), 'test', 'fixtures', 'small.smi');

/** The sum of molbatch_molecules_total over its status labels, from one scrape. */
async function moleculesCounted(url: string): Promise<number> {
  const text = await (await fetch(url)).text();
  return [...text.matchAll(/^molbatch_molecules_total\{status="\w+"\} (\d+)$/gm)]
    .reduce((sum, m) => sum + Number(m[1]), 0);
}

describe('worker logs and metrics', () => {
  let stack: WorkerStack;

  beforeAll(async () => {
    stack = await WorkerStack.start();
  }, 120_000);

  afterEach(async () => stack?.stopWorkers());
  afterAll(async () => stack?.stop());

  test('every stdout line is JSON, with a chunk log carrying batchId, chunkIndex and durationMs', async () => {
    const worker = await stack.worker(null, { MOLBATCH_LOG_LEVEL: 'debug' });
    const batchId = await stack.client.start(SMALL);
    await stack.client.wait(batchId);
    worker.child.kill('SIGTERM');
    await worker.exited;

    const lines = worker.stdout().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const chunk = lines.find((l) => l.msg === 'validated chunk' && l.batchId === batchId);
    expect(chunk).toMatchObject({ chunkIndex: 0, moleculeCount: 3 });
    expect(typeof chunk.durationMs).toBe('number');
    // The SDK's own messages come through the same logger.
    expect(lines.some((l) => l.msg === 'Worker state changed' && l.component === 'worker')).toBe(true);
  }, 240_000);

  test("during a batch, GET /metrics shows molbatch's counters rising, next to the SDK's", async () => {
    const port = await freeLoopbackPort();
    await stack.worker(null, { MOLBATCH_METRICS_PORT: String(port) });
    const url = `http://127.0.0.1:${port}/metrics`;
    const batchId = await stack.client.start(hivSubset(1000), { chunkSize: 50, concurrency: 1 });

    let early = 0;
    expect(await until(async () => (early = await moleculesCounted(url)) > 0, 120_000)).toBe(true);
    await stack.client.wait(batchId);
    const late = await moleculesCounted(url);

    expect(early).toBeLessThan(late);
    expect(late).toBe(1000);
    const text = await (await fetch(url)).text();
    expect(text).toMatch(/^molbatch_chunk_duration_seconds_count\{activity="validateChunk",outcome="ok"\} 20$/m);
    expect(text).toMatch(/^molbatch_opsin_jvms \d+$/m);
    expect(text).toMatch(/^temporal_worker_start_total\{/m);
  }, 300_000);
});
