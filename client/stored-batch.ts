import { readConfig } from '../common/config.js';
import { BatchStore, describeStore, openStore, type Batch } from '../store/index.js';

/**
 * Opens the configured store, finds batch `batchId` in it and runs `use`; closes the store
 * after. Fails naming the store when the batch is not there.
 */
export async function withStoredBatch<T>(
  batchId: string,
  use: (store: BatchStore, batch: Batch) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const location = { url: config.databaseUrl, home: config.home };
  const orm = await openStore(location);
  try {
    const store = new BatchStore(orm);
    const batch = await store.readBatch(batchId);
    if (batch === null) {
      throw new Error(`no batch ${batchId} in ${describeStore(location)}`);
    }
    return await use(store, batch);
  } finally {
    await orm.close();
  }
}
