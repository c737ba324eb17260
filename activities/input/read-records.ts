import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

import { parse } from 'csv-parse';

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
    const readError = readErrorOf(structure, name);
    yield { recordIndex: recordIndex++, line: lineNo, name, input: structure, readError };
  }
}

/** A parsed row with the line it starts on. */
interface Row {
  fields: string[];
  line: number;
}

async function* readDelimited(file: string, delimiter: string): AsyncGenerator<StagedRecord> {
  const skipped: Array<Omit<StagedRecord, 'recordIndex'>> = [];
  let lastLine = 0;
  const parser = fs.createReadStream(file).pipe(parse({
    bom: true,
    delimiter,
    // Files stitched together from several sources mix line ends; take each as it comes.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (fields: string[], context): Row => {
      lastLine = context.lines;
      return { fields, line: context.lines - newlinesIn(fields) };
    },
  }));
  parser.on('skip', (error: Error) => {
    skipped.push(badRow(error.message, lastLine + 1));
  });

  let columns: ColumnMap | null = null;
  let recordIndex = 0;
  for await (const row of parser as AsyncIterable<Row>) {
    if (!columns) {
      columns = headerColumns(file, row.fields);
      continue;
    }

    // The parser reports bad rows ahead of the good rows before them; put them back in order.
    while (skipped.length > 0 && skipped[0].line < row.line) {
      yield { ...(skipped.shift() as Omit<StagedRecord, 'recordIndex'>), recordIndex: recordIndex++ };
    }
    yield { ...toRecord(row.fields, columns, row.line), recordIndex: recordIndex++ };
  }

  if (!columns) {
    throw new UnreadableBatchError('the file is empty: no header row', file, 1);
  }
  for (const bad of skipped) {
    yield { ...bad, recordIndex: recordIndex++ };
  }
}

function newlinesIn(fields: string[]): number {
  return fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
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
  return { line, name, input, readError: readErrorOf(input, name) };
}

/** Why a record cannot be validated at all, or null when it can. */
function readErrorOf(input: string | null, name: string | null): string | null {
  if (!input && !name) {
    return 'the row has neither a structure nor a name';
  }
  // The decoder puts U+FFFD where bytes were not UTF-8; a name or structure read that way is
  // not what the submitter wrote.
  if (`${input ?? ''}${name ?? ''}`.includes('\uFFFD')) {
    return 'the row is not valid UTF-8 text; save the file as UTF-8';
  }
  return null;
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
