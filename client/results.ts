import { readConfig } from '../common/config.js';
import { BatchStore, describeStore, openStore } from '../store/index.js';
import { outputFormatOf, parseOutputFormat, writeResults } from './export.js';

/** Options of `molbatch results`. */
export interface ResultsOptions {
  out: string;
  /** csv, sdf or jsonl; by default the one the extension of `out` names. */
  format?: string;
}

/** `molbatch results`: writes a stored batch's results to a file; returns what to print. */
export async function resultsCommand(batchId: string, options: ResultsOptions): Promise<string> {
  const format = options.format === undefined
    ? outputFormatOf(options.out)
    : parseOutputFormat(options.format);
  const config = readConfig();
  const location = { url: config.databaseUrl, home: config.home };

  const orm = await openStore(location);
  try {
    const store = new BatchStore(orm);
    const batch = await store.readBatch(batchId);
    if (batch === null) {
      throw new Error(`no batch ${batchId} in ${describeStore(location)}`);
    }

    const rows = await writeResults(store, batchId, options.out, format);
    const state = batch.state === 'completed' ? '' : ` (the batch is ${batch.state})`;
    return `${rows} results of batch ${batchId} written to ${options.out} as ${format}${state}\n`;
  } finally {
    await orm.close();
  }
}
