import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import type { BatchStore, ResultRow } from '../store/index.js';
import { jsonlLine } from './export-jsonl.js';
import { sdfRecords } from './export-sdf.js';

/** Formats the results can be written in. */
export type OutputFormat = 'csv' | 'sdf' | 'jsonl';

const EXTENSIONS: Record<string, OutputFormat> = {
  '.csv': 'csv', '.sdf': 'sdf', '.sd': 'sdf', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

/** Columns of the results CSV, in order. */
export const CSV_COLUMNS = [
  'index', 'line', 'name', 'input', 'status', 'message', 'issues', 'score',
  'canonical_smiles', 'inchikey', 'formula', 'mw',
] as const;

/** Checks a `--format` value; throws naming the formats there are. */
export function parseOutputFormat(value: string): OutputFormat {
  if (value === 'csv' || value === 'sdf' || value === 'jsonl') {
    return value;
  }
  throw new Error(`unknown results format "${value}" (use csv, sdf or jsonl)`);
}

/** Picks the results format from the output file's extension; throws for an unknown one. */
export function outputFormatOf(file: string): OutputFormat {
  const ext = path.extname(file).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format === undefined) {
    const known = Object.keys(EXTENSIONS).join(', ');
    throw new Error(`${file}: unknown results file type "${ext}" (use ${known})`);
  }
  return format;
}

/** Writes one entry per input record, in input order, a page at a time; returns the count. */
export async function writeResults(
  store: BatchStore,
  batchId: string,
  file: string,
  format: OutputFormat,
): Promise<number> {
  let rows = 0;
  async function* counted(): AsyncGenerator<ResultRow> {
    for await (const page of store.readResults(batchId)) {
      for (const row of page) {
        rows += 1;
        yield row;
      }
    }
  }

  await pipeline(encoded(counted(), format), fs.createWriteStream(file));
  return rows;
}

function encoded(rows: AsyncGenerator<ResultRow>, format: OutputFormat) {
  if (format === 'csv') {
    return pipelineSource(rows, csvRecord).pipe(
      stringify({ header: true, columns: [...CSV_COLUMNS] }));
  }
  if (format === 'jsonl') {
    return pipelineSource(rows, jsonlLine);
  }
  return Readable.from(sdfRecords(rows));
}

function pipelineSource<T>(rows: AsyncGenerator<ResultRow>, encode: (row: ResultRow) => T) {
  async function* mapped() {
    for await (const row of rows) {
      yield encode(row);
    }
  }
  return Readable.from(mapped());
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
    score: row.score ?? '',
    canonical_smiles: row.canonicalSmiles ?? '',
    inchikey: row.inchikey ?? '',
    formula: row.formula ?? '',
    mw: row.mw ?? '',
  };
}
