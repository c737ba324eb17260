import fs from 'node:fs';

import { parse } from 'csv-parse';

import type { StagedRecord } from '../../store/index.js';
import { findColumns, type ColumnMap } from './columns.js';
import { UnreadableBatchError } from './errors.js';
import { readErrorOf, withinLimits, type ReadRecord } from './record.js';
import { detectDelimiter, firstLine, looksLikeSmiles, type Delimiter } from './sniff.js';

/** A parsed row with the line it starts on. */
interface Row {
  fields: string[];
  line: number;
}

/** How the rows of one table are read: its columns and the names of the other columns. */
interface Layout extends ColumnMap {
  /** Name of each column kept as a property, by position; null for the structure and name. */
  propertyNames: Array<string | null>;
  /** True when the first row was a record, not a header. */
  headerless: boolean;
}

/** Reads a CSV or TSV table; the delimiter is the one the header line uses most. */
export async function* readDelimited(
  file: string,
  fallback: Delimiter,
): AsyncGenerator<StagedRecord> {
  const delimiter = detectDelimiter(await firstLine(file), fallback);
  const skipped: ReadRecord[] = [];
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

  let layout: Layout | null = null;
  let recordIndex = 0;
  for await (const row of parser as AsyncIterable<Row>) {
    if (!layout) {
      layout = layoutOf(file, row.fields);
      if (!layout.headerless) {
        continue;
      }
    }

    // The parser reports bad rows ahead of the good rows before them; put them back in order.
    while (skipped.length > 0 && skipped[0].line < row.line) {
      yield { ...(skipped.shift() as ReadRecord), recordIndex: recordIndex++ };
    }
    yield { ...toRecord(row, layout), recordIndex: recordIndex++ };
  }

  if (!layout) {
    throw new UnreadableBatchError('the file is empty: no header row', file, 1);
  }
  for (const bad of skipped) {
    yield { ...bad, recordIndex: recordIndex++ };
  }
}

function newlinesIn(fields: string[]): number {
  return fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/** The columns named by the header, or column 1 as the structure when there is no header. */
function layoutOf(file: string, first: string[]): Layout {
  const columns = findColumns(first);
  if (columns.structure !== null || columns.name !== null) {
    const taken = [columns.structure, columns.name];
    const propertyNames = first.map((header, at) =>
      (taken.includes(at) ? null : header.trim() || `column${at + 1}`));
    return { ...columns, propertyNames, headerless: false };
  }

  if (looksLikeSmiles(first[0] ?? '')) {
    const propertyNames = first.map((_, at) => (at === 0 ? null : `column${at + 1}`));
    return { structure: 0, name: null, propertyNames, headerless: true };
  }

  throw new UnreadableBatchError(
    `no structure or name column in the header (${first.join(', ')}); ` +
      'expected one such as "smiles" or "name", or SMILES in the first column',
    file,
    1,
  );
}

function toRecord(row: Row, layout: Layout): ReadRecord {
  const input = cell(row.fields, layout.structure);
  const name = cell(row.fields, layout.name);
  const properties = propertiesOf(row.fields, layout);
  return withinLimits({
    line: row.line, name, input, readError: readErrorOf(input, name), properties,
  });
}

function propertiesOf(fields: string[], layout: Layout): Record<string, string> | null {
  const properties: Record<string, string> = {};
  fields.forEach((value, at) => {
    // A row longer than the header has columns without a name.
    const named = layout.propertyNames[at];
    const key = named === undefined ? `column${at + 1}` : named;
    if (key !== null) {
      properties[key] = value;
    }
  });
  return Object.keys(properties).length > 0 ? properties : null;
}

function cell(row: string[], at: number | null): string | null {
  if (at === null) {
    return null;
  }
  const value = row[at]?.trim();
  return value ? value : null;
}

function badRow(message: string, line: number | undefined): ReadRecord {
  return {
    line: line ?? 0, name: null, input: null, readError: `unreadable row: ${message}`,
    properties: null,
  };
}
