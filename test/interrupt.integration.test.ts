import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { runCli, workDir } from './cli.js';
import { SECRET, startReceiver } from './receiver.js';
import { sharedData } from './shared-data.js';

const HIV = sharedData('hiv.csv');
function processesMentioning(text: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

describe('stopping and failing cleanly', () => {
  test('Ctrl-C in the middle of a batch cancels it, stops the server and the JVM, and exits 130', async () => {
    expect(fs.existsSync(HIV)).toBe(true);
    const home = path.join(workDir(), '.molbatch');
    const child = spawn(process.execPath, ['bin/molbatch.js', 'run', HIV], {
      env: { ...process.env, TEMPORAL_ADDRESS: '', MOLBATCH_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    while (!stderr.includes('submitted')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill('SIGINT');

    expect(await exited).toBe(130);
    expect(stderr).toMatch(/batch batch-\S+ cancelled/);
    expect(fs.existsSync(path.join(home, 'temporal', 'server.pid'))).toBe(false);
    expect(processesMentioning(home)).toEqual([]);
    const batchId = /batch (batch-\S+) cancelled/.exec(stderr)?.[1] as string;
    const audit = await runCli(['audit', batchId, '--json'], { MOLBATCH_HOME: home });
    const events = (JSON.parse(audit.stdout) as Array<{ event: string }>).map((row) => row.event);
    // Three seconds in, the batch may still be ingesting: batch.started comes only after that.
    expect(events[0]).toBe('batch.submitted');
    expect(events[events.length - 1]).toBe('batch.cancelled');
  }, 180_000);

  test('a webhook receiver that refuses the delivery is reported, and the batch still completes', async () => {
    const receiver = await startReceiver([400]);

    const dir = workDir();
    const input = path.join(process.cwd(), 'test', 'fixtures', 'small.smi');
    const run = await runCli(['run', input, '--webhook', receiver.url], {
      MOLBATCH_HOME: path.join(dir, '.molbatch'),
      MOLBATCH_WEBHOOK_SECRET: SECRET,
      MOLBATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    });
    await receiver.close();

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/molecules {2}3/);
    expect(run.stdout).toMatch(/webhook {4}NOT delivered: webhook to http:\/\/127\.0\.0\.1:\d+ answered 400/);
  }, 180_000);

  test('a file without a structure or name column fails with the file and line named', async () => {
    const dir = workDir();
    const input = path.join(dir, 'columns.csv');
    fs.writeFileSync(input, 'weight,colour\n12,blue\n');

    const run = await runCli(['run', input], { MOLBATCH_HOME: path.join(dir, '.molbatch') });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${input}:1: no structure or name column in the header (weight, colour)`);
  }, 180_000);
});
