import fs from 'node:fs';
import path from 'node:path';

import type { temporal } from '@temporalio/proto';

import {
  FAILED_KEY, MOLECULE_COUNT_KEY, PASSED_KEY, STATUS_KEY, SUBMITTER_KEY,
} from '../common/search-attributes.js';
import { workDir } from './cli.js';
import { DevProcess } from './dev-process.js';
import { hivSubset, until } from './worker-stack.js';

/** A .smi file of `count` small valid molecules, one per line. */
function smiles(count: number): string {
  const file = path.join(workDir(), `small-${count}.smi`);
  const pool = ['CCO', 'c1ccccc1', 'CC(=O)O', 'CCN', 'C1CCCCC1'];
  fs.writeFileSync(file, Array.from({ length: count }, (_, i) => `${pool[i % 5]} m${i}\n`).join(''));
  return file;
}

/** The task queues the activities of a history were scheduled on. */
function activityQueues(history: temporal.api.history.v1.IHistory): string[] {
  const chunkActivities = ['validateChunk', 'convertNames'];
  return [...new Set((history.events ?? [])
    .map((e) => e.activityTaskScheduledEventAttributes)
    .filter((a) => chunkActivities.includes(a?.activityType?.name ?? ''))
    .map((a) => a?.taskQueue?.name ?? ''))];
}

describe('a batch of many tiny chunks on a molbatch dev stack', () => {
  let dev: DevProcess;

  beforeAll(async () => {
    dev = await DevProcess.start();
  }, 180_000);

  afterAll(async () => {
    await dev?.stop();
  });

  test('continues as new, keeps every run under its event budget and counts exactly', async () => {
    const batchId = await dev.batches.start(smiles(120), {
      chunkSize: 1, concurrency: 3, maxHistoryEvents: 200, submitter: 'scale-test',
    });
    const result = await dev.batches.wait(batchId);

    expect(result).toMatchObject({ total: 120, passed: 120, chunksDone: 120, chunkCount: 120 });
    const histories = await dev.runHistories(batchId);
    expect(histories.length).toBeGreaterThanOrEqual(3);
    for (const history of histories) {
      expect(history.events?.length).toBeLessThanOrEqual(200);
    }
    // Ingest ran once, in the first run; later runs picked up at the cursor.
    const ingests = histories.map((h) => h.events?.filter((e) =>
      e.activityTaskScheduledEventAttributes?.activityType?.name === 'ingest').length);
    expect(ingests).toEqual([1, ...histories.slice(1).map(() => 0)]);
  }, 300_000);

  test('search attributes carry the final state and counts, and the submitter', async () => {
    const batchId = await dev.batches.start(smiles(7), { chunkSize: 2, submitter: 'alice' });
    await dev.batches.wait(batchId);

    const description = await dev.raw.workflow.getHandle(batchId).describe();
    const attributes = description.typedSearchAttributes;
    expect(attributes.get(STATUS_KEY)).toBe('completed');
    expect(attributes.get(MOLECULE_COUNT_KEY)).toBe(7);
    expect(attributes.get(PASSED_KEY)).toBe(7);
    expect(attributes.get(FAILED_KEY)).toBe(0);
    expect(attributes.get(SUBMITTER_KEY)).toBe('alice');
  }, 120_000);

  test('the Web UI gets a static summary at start and current details of the progress', async () => {
    const batchId = await dev.batches.start(smiles(7), { chunkSize: 2, submitter: 'bob' });
    await dev.batches.wait(batchId);

    const handle = dev.raw.workflow.getHandle(batchId);
    expect(await (await handle.describe()).staticSummary()).toBe('molbatch: small-7.smi by bob');
    const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
    expect(metadata.currentDetails).toContain('**completed**: 7 of 7 molecules (100%), chunk 4 of 4');
    expect(metadata.currentDetails).toContain('pass 7 · warn 0 · fail 0 · error 0');
  }, 120_000);

  test('a 10-molecule batch on the fast lane finishes while a big batch is running', async () => {
    const big = await dev.batches.start(hivSubset(5000), { chunkSize: 50, concurrency: 2 });
    await until(async () => (await dev.batches.progress(big).catch(() => null))?.state === 'validating', 60_000);

    const small = await dev.batches.start(smiles(10), { chunkSize: 5 });
    const smallResult = await dev.batches.wait(small);
    const bigNow = await dev.batches.progress(big);
    await dev.batches.cancel(big);

    expect(smallResult).toMatchObject({ total: 10, passed: 10 });
    expect(bigNow.state).toBe('validating');
    expect(bigNow.processed).toBeLessThan(5000);
    const [smallRun] = await dev.runHistories(small);
    const [bigRun] = await dev.runHistories(big);
    expect(activityQueues(smallRun)).toEqual(['molbatch-fast']);
    expect(activityQueues(bigRun)).toEqual(['molbatch-chem']);
  }, 300_000);
});
