import fs from 'node:fs';
import path from 'node:path';

import type { StagedRecord } from '../../store/index.js';
import { readDelimited } from './delimited.js';
import { UnreadableBatchError } from './errors.js';
import { readSdf } from './sdf.js';
import { readSmi } from './smi.js';

/** Formats a source can be read as. */
export type SourceFormat = 'csv' | 'tsv' | 'smi' | 'sdf';

const FORMATS: Record<string, SourceFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.smi': 'smi', '.smiles': 'smi',
  '.sdf': 'sdf', '.sd': 'sdf', '.mol': 'sdf',
};

/** Picks the format of a source from its file extension. */
export function formatOf(file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (format === undefined) {
    throw new UnreadableBatchError(
      `unsupported file type "${ext}" (use .csv, .tsv, .smi, .sdf, .sd or .mol)`, file);
  }
  return format;
}

/** Reads every record of a source in order; a bad row is a record with a read error. */
export async function* readRecords(file: string): AsyncGenerator<StagedRecord> {
  await assertReadable(file);

  const format = formatOf(file);
  if (format === 'smi') {
    yield* readSmi(file);
  } else if (format === 'sdf') {
    yield* readSdf(file);
  } else {
    yield* readDelimited(file, format === 'tsv' ? '\t' : ',');
  }
}

async function assertReadable(file: string): Promise<void> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) {
      throw new UnreadableBatchError('not a file', file);
    }
  } catch (error) {
    if (error instanceof UnreadableBatchError) {
      throw error;
    }
    throw new UnreadableBatchError(`cannot be read (${(error as Error).message})`, file);
  }
}
