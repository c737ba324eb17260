import fs from 'node:fs';
import path from 'node:path';

import { Webhook } from 'standardwebhooks';

import { readCsv, runCli, workDir } from './cli.js';
import { SECRET, startReceiver, type Delivery } from './receiver.js';

describe('molbatch run on the embedded stack', () => {
  const dir = workDir();
  const out = path.join(dir, 'results.csv');
  const summaryFile = path.join(dir, 'summary.json');
  let rows: Array<Record<string, string>>;
  let summary: Record<string, unknown>;
  let deliveries: Delivery[];
  let stdout: string;

  beforeAll(async () => {
    const receiver = await startReceiver([204]);
    const input = path.join(process.cwd(), 'test', 'fixtures', 'mixed.csv');
    const run = await runCli(
      ['run', input, '--out', out, '--summary', summaryFile, '--webhook', receiver.url, '--chunk-size', '4'],
      {
        MOLBATCH_HOME: path.join(dir, '.molbatch'),
        MOLBATCH_WEBHOOK_SECRET: SECRET,
        MOLBATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      },
    );
    await receiver.close();
    if (run.code !== 0) {
      throw new Error(`molbatch run exited ${run.code}:\n${run.stderr}`);
    }

    rows = await readCsv(out);
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    deliveries = receiver.deliveries;
    stdout = run.stdout;
  }, 300_000);

  test('every input record has exactly one row, in input order', () => {
    expect(rows.map((r) => Number(r.index))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.map((r) => r.line)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  test('the summary adds up to the records read', () => {
    expect(summary).toMatchObject({ total: 9, passed: 4, warned: 1, failed: 1, errored: 3 });
    expect(summary.uiUrl).toBe(
      `http://localhost:${new URL(summary.uiUrl as string).port}/namespaces/default/workflows/${summary.batchId}`,
    );
    expect(stdout).toContain(`batch ${summary.batchId} completed`);
  });

  test('well-known molecules get their InChIKeys, formulas and weights', () => {
    expect(rows[0]).toMatchObject({ status: 'pass', inchikey: 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N', formula: 'C9H8O4' });
    expect(rows[1]).toMatchObject({ status: 'pass', inchikey: 'RYYVLZVUVIJVGH-UHFFFAOYSA-N' });
    expect(Number(rows[0].mw)).toBeCloseTo(180.159, 2);
  });

  test('a name without a structure is converted by OPSIN in the JVM', () => {
    expect(rows[2]).toMatchObject({
      name: '2-methylpropan-2-ol',
      input: '',
      status: 'pass',
      inchikey: 'DKGAVHZHDRPRBM-UHFFFAOYSA-N',
    });
  });

  test('invalid and unreadable structures are results with a status and a reason', () => {
    expect(rows[3]).toMatchObject({ status: 'fail', issues: 'parse-error' });
    expect(rows[3].message).toMatch(/valence/i);
    expect(rows[4].status).toBe('error');
    expect(rows[4].message).toMatch(/parse error/i);
    expect(rows[6]).toMatchObject({ status: 'error' });
    expect(rows[7].status).toBe('error');
    expect(rows[7].message).toMatch(/OPSIN could not convert/);
  });

  test('a salt is a warning that names its fragments', () => {
    expect(rows[5]).toMatchObject({ status: 'warn', issues: 'multiple-fragments' });
  });

  test('the webhook arrives once, signed with the Standard Webhooks scheme', () => {
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    const headers = {
      'webhook-id': String(delivery.headers['webhook-id']),
      'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
      'webhook-signature': String(delivery.headers['webhook-signature']),
    };

    const event = new Webhook(SECRET).verify(delivery.body, headers) as { type: string; data: unknown };
    expect(event.type).toBe('batch.completed');
    expect(event.data).toMatchObject({ batchId: summary.batchId, total: 9, errored: 3 });
    expect(() => new Webhook(`whsec_${Buffer.from('another-secret').toString('base64')}`)
      .verify(delivery.body, headers)).toThrow();
  });

  test('the audit trail holds one row per event, batch.completed with the counts', async () => {
    const { openStore, BatchStore } = await import('../store/index.js');
    const orm = await openStore({ home: path.join(dir, '.molbatch') });
    try {
      const audit = await new BatchStore(orm).readAudit(summary.batchId as string);
      expect(audit.map((row) => row.event)).toEqual(['batch.submitted', 'batch.started', 'batch.completed']);
      expect(audit[2]).toMatchObject({ event: 'batch.completed', moleculeCount: 9, passed: 4, failed: 1 });
    } finally {
      await orm.close();
    }
  });

  test('regression: a batch id cannot be reused, so two batches never share result rows', async () => {
    const input = path.join(process.cwd(), 'test', 'fixtures', 'small.smi');
    const again = await runCli(['run', input, '--batch-id', summary.batchId as string], {
      MOLBATCH_HOME: path.join(dir, '.molbatch'),
    });

    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`batch id ${summary.batchId} has been used already`);
  }, 300_000);
});
