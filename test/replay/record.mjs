// Records replay histories of the workflows on the embedded stack (run `npm run build` first):
// `node test/replay/record.mjs VERSION [NAME...]`. Each run's history is written to
// test/replay/VERSION-NAME[-runN].json; test/replay.test.ts replays every file there. Record a
// new VERSION after each workflow change and keep the files of the older ones.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { Client, Connection } from '@temporalio/client';

const root = path.resolve(import.meta.dirname, '..', '..');
const here = path.join(root, 'test', 'replay');
const secret = `whsec_${Buffer.from('molbatch-replay-secret-0123456').toString('base64')}`;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-replay-'));
Object.assign(process.env, {
  MOLBATCH_HOME: home, MOLBATCH_WEBHOOK_SECRET: secret, MOLBATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
});

const { readConfig } = await import(`${root}/dist/common/config.js`);
const { startDevServer } = await import(`${root}/dist/workers/dev-server.js`);
const { startWorker } = await import(`${root}/dist/workers/worker.js`);
const { ensureTools } = await import(`${root}/dist/workers/setup/index.js`);
const { BatchClient } = await import(`${root}/dist/client/batches.js`);

const [version, ...only] = process.argv.slice(2);
if (!version) {
  throw new Error('usage: node test/replay/record.mjs VERSION [NAME...]');
}

/** A SMILES file of `count` copies of ethanol, one chunk per record with chunk size 1. */
function smilesFile(count) {
  const file = path.join(home, `ethanol-${count}.smi`);
  fs.writeFileSync(file, Array.from({ length: count }, (_, i) => `CCO mol${i}\n`).join(''));
  return file;
}

function receiver() {
  const server = http.createServer((req, res) => req.resume().on('end', () => res.end()));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const mixed = path.join(root, 'test', 'fixtures', 'mixed.csv');
const small = path.join(root, 'test', 'fixtures', 'small.smi');

/** The batches recorded, by name: how each starts and what is done to it while it runs. */
const batches = {
  smiles: (c) => c.start(small, { chunkSize: 2 }),
  opsin: (c) => c.start(mixed, { chunkSize: 4 }),
  cancelled: async (c) => {
    const id = await c.start(smilesFile(40), { chunkSize: 1, concurrency: 1 });
    await untilChunks(c, id, 3);
    await c.cancel(id);
    return id;
  },
  webhook: async (c, hook) => c.start(small, {
    chunkSize: 3, webhookUrl: hookUrl(hook), webhookRetrySeconds: 5,
  }),
  // From the second version on: a cancelled batch sends batch.cancelled.
  'cancelled-webhook': async (c, hook) => {
    const id = await c.start(smilesFile(40), {
      chunkSize: 1, concurrency: 1, webhookUrl: hookUrl(hook), webhookRetrySeconds: 5,
    });
    await untilChunks(c, id, 3);
    await c.cancel(id);
    return id;
  },
  // From the second version on: a small event budget makes the batch continue as new.
  continued: (c) => c.start(smilesFile(40), { chunkSize: 1, concurrency: 2, maxHistoryEvents: 200 }),
  molecule: async (_c, _hook, raw) => {
    const workflowId = `molecule-replay-${Date.now()}`;
    await raw.workflow.execute('validateMolecule', {
      taskQueue: 'molbatch', workflowId, args: [{ text: 'propan-2-ol' }],
    });
    return workflowId;
  },
};

function hookUrl(hook) {
  return `http://127.0.0.1:${hook.address().port}/hook`;
}

async function untilChunks(c, id, chunks) {
  while (((await c.progress(id).catch(() => null))?.chunksDone ?? 0) < chunks) {
    await delay(100);
  }
}

const tools = await ensureTools(root, () => undefined);
const server = await startDevServer({ temporalPath: tools.temporal, home: path.join(home, 'temporal') });
const worker = await startWorker({
  config: readConfig(), address: server.address, opsinClasspath: tools.opsinClasspath,
});
const hook = await receiver();
const client = await BatchClient.connect(server.address);
const connection = await Connection.connect({ address: server.address });
const raw = new Client({ connection });
try {
  for (const [name, start] of Object.entries(batches)) {
    if (only.length > 0 && !only.includes(name)) {
      continue;
    }
    const id = await start(client, hook, raw);
    await client.wait(id).catch(() => undefined);
    await writeHistories(name, id);
  }
} finally {
  hook.close();
  await client.close();
  await connection.close();
  await worker.shutdown();
  await server.stop();
}

/** Writes the history of every run of workflow `id`, walking back along continue-as-new. */
async function writeHistories(name, id) {
  const histories = [];
  let runId;
  do {
    // The CLI writes the JSON form that Worker.runReplayHistories reads back.
    const json = execFileSync(tools.temporal, [
      'workflow', 'show', '--address', server.address, '--workflow-id', id,
      ...(runId ? ['--run-id', runId] : []), '--output', 'json',
    ], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const history = JSON.parse(json);
    histories.unshift(history);
    runId = history.events[0].workflowExecutionStartedEventAttributes.continuedExecutionRunId;
  } while (runId);

  for (const [i, history] of histories.entries()) {
    const suffix = histories.length > 1 ? `-run${i + 1}` : '';
    const file = path.join(here, `${version}-${name}${suffix}.json`);
    fs.writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
    console.log(`wrote ${path.relative(root, file)}: ${history.events.length} events`);
  }
}
