// A service's use of the client API against a long-lived server. In one terminal:
//   npx molbatch dev
// and in another, with the address it printed (MOLBATCH_HOME must match, for the results):
//   TEMPORAL_ADDRESS=127.0.0.1:7233 node examples/service.mjs examples/freesolv.csv
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { BatchClient } from 'molbatch';

const file = path.resolve(process.argv[2] ?? 'examples/freesolv.csv');
const client = await BatchClient.connect(process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233');
try {
  // One molecule: the low-latency path, OPSIN first for a name.
  const one = await client.validate('propan-2-ol');
  console.log(`propan-2-ol: ${one.status} ${one.canonicalSmiles} ${one.inchikey}`);

  const batchId = await client.start(file, { chunkSize: 100, submitter: 'example-service' });
  console.log(`started ${batchId}`);
  const finished = client.wait(batchId);
  let done = false;
  void finished.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    const progress = await client.progress(batchId);
    console.log(`${progress.state}: ${progress.processed} of ${progress.total}`);
    await delay(1000);
  }
  const result = await finished;
  console.log(`completed: ${result.passed} pass, ${result.warned} warn, ` +
    `${result.failed} fail, ${result.errored} error`);

  let notPassed = 0;
  for await (const row of client.results(batchId)) {
    if (row.status !== 'pass' && notPassed++ < 3) {
      console.log(`  line ${row.line}: ${row.status} ${row.issues} ${row.message}`);
    }
  }
  console.log(`${notPassed} records did not pass`);
} finally {
  await client.close();
}
