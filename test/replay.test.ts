import fs from 'node:fs';
import path from 'node:path';

import { Worker } from '@temporalio/worker';

import { historyFromCliJson } from './replay-history.js';

const replayDir = path.join(process.cwd(), 'test', 'replay');
const workflowsPath = path.join(process.cwd(), 'dist', 'workflows', 'index.js');

/** The committed histories: every workflow version that ever ran must keep replaying. */
function histories() {
  return fs.readdirSync(replayDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      history: historyFromCliJson(JSON.parse(fs.readFileSync(path.join(replayDir, file), 'utf8'))),
    }));
}

describe('committed workflow histories', () => {
  const files = histories();

  test('there are histories of every version, continue-as-new and one molecule among them', () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining([
      'v1-smiles.json', 'v1-opsin.json', 'v1-cancelled.json', 'v1-webhook.json',
      'v2-smiles.json', 'v2-opsin.json', 'v2-cancelled-webhook.json', 'v2-continued-run2.json',
      'v2-molecule.json', 'v3-smiles.json', 'v3-cancelled-webhook.json',
    ]));
  });

  test('every history replays on the built workflows without nondeterminism', async () => {
    if (!fs.existsSync(workflowsPath)) {
      throw new Error(`${workflowsPath} is missing: run \`npm run build\` first`);
    }

    const failures: string[] = [];
    const replayed = Worker.runReplayHistories(
      { workflowsPath },
      files.map(({ file, history }) => ({ workflowId: file, history })),
    );
    for await (const result of replayed) {
      if (result.error) {
        failures.push(`${result.workflowId}: ${result.error.message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
