import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { SECRET } from './receiver.js';
import { runWithReceiver, testEnv } from './webhook-flow.js';
import { describeWebhookFlow } from './webhook-flow.js';

describeWebhookFlow('SQLite', async () => undefined);

/** Serves a finished embedded stack's history again and returns the workflow's history as JSON. */
async function historyJson(home: string, workflowId: string): Promise<string> {
  const dev = spawn(process.execPath, ['bin/molbatch.js', 'dev', '--no-worker'], {
    env: { ...process.env, TEMPORAL_ADDRESS: '', MOLBATCH_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const closed = new Promise((resolve) => dev.on('close', resolve));
  try {
    let out = '';
    for await (const chunk of dev.stdout) {
      out += String(chunk);
      if (/TEMPORAL_ADDRESS=\S+\n/.test(out)) {
        break;
      }
    }
    const address = /TEMPORAL_ADDRESS=(\S+)/.exec(out)?.[1] as string;
    const temporal = path.join(process.cwd(), 'vendor', 'bin', 'temporal');
    const shown = await promisify(execFile)(temporal, [
      'workflow', 'show', '--workflow-id', workflowId, '--address', address, '--output', 'json',
    ], { maxBuffer: 64 * 1024 * 1024 });
    return withDecodedPayloads(shown.stdout);
  } finally {
    dev.kill('SIGINT');
    await closed;
  }
}

/** The JSON output carries payloads as base64; the secret could hide there, so decode them too. */
function withDecodedPayloads(json: string): string {
  const decoded = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)]
    .map((match) => Buffer.from(match[1], 'base64').toString('utf8'));
  return [json, ...decoded].join('\n');
}

describe('the webhook secret', () => {
  test('never appears in the workflow history', async () => {
    const { env, home } = testEnv();
    const { batchId } = await runWithReceiver(env, [200]);

    const history = await historyJson(home, batchId);

    expect(history).toContain(`${batchId}.batch.completed`);
    expect(history).not.toContain(SECRET);
    expect(history).not.toContain(SECRET.replace(/^whsec_/, ''));
  }, 300_000);
});

describe('webhook hosts', () => {
  test('a loopback receiver is refused unless MOLBATCH_WEBHOOK_ALLOW_HOSTS lists it', async () => {
    const { env } = testEnv();
    const { run, deliveries } = await runWithReceiver({ ...env, MOLBATCH_WEBHOOK_ALLOW_HOSTS: '' }, [200]);

    expect(deliveries).toEqual([]);
    expect(run.stdout).toContain('NOT delivered: webhook host 127.0.0.1 is a private or loopback address');
    expect(run.stdout).toContain('MOLBATCH_WEBHOOK_ALLOW_HOSTS=127.0.0.1');
  }, 300_000);
});
