import { outputFormatOf, parseOutputFormat, writeResults } from './export.js';
import { withStoredBatch } from './stored-batch.js';

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
  return withStoredBatch(batchId, async (store, batch) => {
    const rows = await writeResults(store, batchId, options.out, format);
    const state = batch.state === 'completed' ? '' : ` (the batch is ${batch.state})`;
    return `${rows} results of batch ${batchId} written to ${options.out} as ${format}${state}\n`;
  });
}
