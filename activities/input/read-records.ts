import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

import { parse, type Info } from 'csv-parse';

import type { StagedRecord } from '../../store/index.js';
import { findColumns, type ColumnMap } from './columns.js';
import { UnreadableBatchError } from './errors.js';

/** Formats a source can be read as. */
export type SourceFormat = 'csv' | 'tsv' | 'smi';

/** Picks the format of a source from its file extension. */
export function formatOf(file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') {
    return 'tsv';
  }
  if (ext === '.smi' || ext === '.smiles') {
    return 'smi';
  }
  if (ext === '.csv' || ext === '.txt') {
    return 'csv';
  }
  throw new UnreadableBatchError(`unsupported file type "${ext}" (use .csv, .tsv or .smi)`, file);
}

/** Reads every record of a source in order; a bad row is a record with a read error. */
export async function* readRecords(file: string): AsyncGenerator<StagedRecord> {
  await assertReadable(file);

  if (formatOf(file) === 'smi') {
    yield* readSmi(file);
  } else {
    yield* readDelimited(file, formatOf(file) === 'tsv' ? '\t' : ',');
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

async function* readSmi(file: string): AsyncGenerator<StagedRecord> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  let recordIndex = 0;

  for await (const raw of lines) {
    lineNo += 1;
    const text = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '' || text.startsWith('#')) {
      continue;
    }

    const [structure, ...rest] = text.split(/\s+/);
    const name = rest.join(' ') || null;
    yield { recordIndex: recordIndex++, line: lineNo, name, input: structure, readError: null };
  }
}

async function* readDelimited(file: string, delimiter: string): AsyncGenerator<StagedRecord> {
  const skipped: Array<Omit<StagedRecord, 'recordIndex'>> = [];
  const parser = fs.createReadStream(file).pipe(parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  }));
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push(badRow(error.message, error.lines));
  });

  let columns: ColumnMap | null = null;
  let recordIndex = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    if (!columns) {
      columns = headerColumns(file, record);
      continue;
    }

    for (const bad of skipped.splice(0)) {
      yield { ...bad, recordIndex: recordIndex++ };
    }
    yield { ...toRecord(record, columns, info.lines), recordIndex: recordIndex++ };
  }

  if (!columns) {
    throw new UnreadableBatchError('the file is empty: no header row', file, 1);
  }
  for (const bad of skipped.splice(0)) {
    yield { ...bad, recordIndex: recordIndex++ };
  }
}

function headerColumns(file: string, header: string[]): ColumnMap {
  const columns = findColumns(header);
  if (columns.structure === null && columns.name === null) {
    throw new UnreadableBatchError(
      `no structure or name column in the header (${header.join(', ')}); ` +
        'expected one such as "smiles" or "name"',
      file,
      1,
    );
  }
  return columns;
}

function toRecord(row: string[], columns: ColumnMap, line: number): Omit<StagedRecord, 'recordIndex'> {
  const input = cell(row, columns.structure);
  const name = cell(row, columns.name);
  const readError = input || name ? null : 'the row has neither a structure nor a name';
  return { line, name, input, readError };
}

function cell(row: string[], at: number | null): string | null {
  if (at === null) {
    return null;
  }
  const value = row[at]?.trim();
  return value ? value : null;
}

function badRow(message: string, line: number | undefined): Omit<StagedRecord, 'recordIndex'> {
  return { line: line ?? 0, name: null, input: null, readError: `unreadable row: ${message}` };
}
