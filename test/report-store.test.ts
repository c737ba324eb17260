import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';

import { BatchStore, openStore, type StoreLocation } from '../store/index.js';
import { requireMariadb } from './mariadb.js';

const stores: Array<[string, () => Promise<StoreLocation>]> = [
  ['SQLite', async () => ({ home: fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-report-')) })],
  ['MariaDB', async () => ({ url: await requireMariadb(), home: os.tmpdir() })],
];

const valence = [{ code: 'valence', severity: 'error', message: 'atom # 1', atoms: [1] }];

describe.each(stores)('what the report reads from the store on %s', (_name, locate) => {
  let orm: MikroORM;
  const batchId = `report-${crypto.randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    orm = await openStore(await locate());
  });
  afterAll(async () => orm?.close());

  test("a batch's row, and its results with score and findings, read back by page", async () => {
    const store = new BatchStore(orm);
    const batch = { id: batchId, workflowId: batchId, sourcePath: '/in.csv', submitter: 't' };
    await store.ensureBatch(batch);
    await store.stageRecords(batchId, [0, 1, 2].map((i) => ({
      recordIndex: i, line: i + 2, name: null, input: 'CN(C)(C)(C)C', readError: null,
      properties: null,
    })));
    await store.saveResults(batchId, [0, 1, 2].map((i) => ({
      recordIndex: i, status: 'fail' as const, message: 'atom # 1', issues: 'valence',
      score: 80 - i, findings: JSON.stringify(valence),
    })));

    const pages = [];
    for await (const page of store.readResults(batchId, 2)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
    expect(pages.flat().map((row) => row.score)).toEqual([80, 79, 78]);
    expect(pages[1][0].findings).toEqual(valence);
    expect(await store.readBatch(batchId)).toMatchObject({ id: batchId, sourcePath: '/in.csv' });
  });

  test('a batch id the store does not know reads as null', async () => {
    expect(await new BatchStore(orm).readBatch(`${batchId}-unknown`)).toBeNull();
  });
});
