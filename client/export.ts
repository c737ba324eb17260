import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import type { BatchStore, ResultRow } from '../store/index.js';

/** Columns of the results CSV, in order. */
export const CSV_COLUMNS = [
  'index', 'line', 'name', 'input', 'status', 'message', 'issues',
  'canonical_smiles', 'inchikey', 'formula', 'mw',
] as const;

/** Writes one CSV row per input record, in input order; returns the number of rows. */
export async function writeResultsCsv(store: BatchStore, batchId: string, file: string): Promise<number> {
  let rows = 0;
  async function* records() {
    for await (const page of store.readResults(batchId)) {
      for (const row of page) {
        rows += 1;
        yield csvRecord(row);
      }
    }
  }

  await pipeline(
    Readable.from(records()),
    stringify({ header: true, columns: [...CSV_COLUMNS] }),
    fs.createWriteStream(file),
  );
  return rows;
}

function csvRecord(row: ResultRow): Record<(typeof CSV_COLUMNS)[number], string | number> {
  return {
    index: row.recordIndex,
    line: row.line,
    name: row.name ?? '',
    input: row.input ?? '',
    status: row.status,
    message: row.message,
    issues: row.issues,
    canonical_smiles: row.canonicalSmiles ?? '',
    inchikey: row.inchikey ?? '',
    formula: row.formula ?? '',
    mw: row.mw ?? '',
  };
}
