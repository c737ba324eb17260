import fs from 'node:fs';
import path from 'node:path';

/** Where the shared data sets are: MOLBATCH_SHARED_DATA, else `../shared/data` beside the checkout. */
export function sharedDataDir(): string {
  return process.env.MOLBATCH_SHARED_DATA ?? path.join(process.cwd(), '..', 'shared', 'data');
}

/** The path of one shared data set; fails naming where it looked and how to point elsewhere. */
export function sharedData(file: string): string {
  const where = path.join(sharedDataDir(), file);
  if (!fs.existsSync(where)) {
    throw new Error(`${where} is missing: the tests read the shared data sets from ../shared/data ` +
      'beside the checkout, or from the folder MOLBATCH_SHARED_DATA names');
  }
  return where;
}
