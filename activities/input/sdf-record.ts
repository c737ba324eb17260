import type { ReadRecord } from './record.js';

/** The lines of one SD record as read, before they are checked. */
export interface SdfBlock {
  /** 0-based position of the record in the file. */
  index: number;
  /** Line of the file the record starts on (1-based). */
  line: number;
  lines: string[];
  /** True when a `$$$$` line closed the record; false at the end of the file. */
  terminated: boolean;
  /** Characters kept in `lines`. */
  chars: number;
  /** Characters past the size limit that were not kept. */
  droppedChars: number;
}

/** Why a record cannot be read, with the line of the file it concerns. */
class RecordFault extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

const M_END = /^M {2}END\s*$/;
const V3000_COUNTS = /V3000\s*$/;
const V2000_COUNTS = /^[ \d]{2}\d[ \d]{2}\d/;
const PROPERTY_HEADER = /^>.*<([^>]*)>/;
const NO_DATA = { properties: null, fault: null };

/** Makes one SD record into an input record: the molfile, the title as name, the SD data. */
export function parseSdfBlock(block: SdfBlock): ReadRecord {
  const title = block.lines[0]?.trim() ?? '';
  const name = title === '' ? null : title;
  const end = block.lines.findIndex((line) => M_END.test(line));
  const molfile = end < 0 ? null : `${block.lines.slice(0, end + 1).join('\n')}\n`;

  // Without `M  END` the data items, if any, start at the first `> <NAME>` line.
  const dataStart = end >= 0 ? end + 1 : block.lines.findIndex((l, i) => i > 3 && isHeader(l));
  const data = dataStart < 0 ? NO_DATA : readProperties(block, dataStart);
  const fault = faultOf(() => checkMolfile(block, end, molfile)) ?? data.fault;
  if (fault === null) {
    const { properties } = data;
    return { line: block.line, name, input: molfile, properties, readError: null };
  }

  const where = `record ${block.index + 1} (line ${fault.line})`;
  const readError = `unreadable SD ${where}: ${fault.message}`;
  // The text as read stays the record's input: it is what the submitter sent, and a record
  // with a name and no input would pass for a name to convert.
  const input = block.lines.join('\n').trim() === '' ? null : `${block.lines.join('\n')}\n`;
  return { line: block.line, name, input, properties: data.properties, readError };
}

function isHeader(line: string): boolean {
  return PROPERTY_HEADER.test(line);
}

function faultOf(check: () => void): RecordFault | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof RecordFault) {
      return error;
    }
    throw error;
  }
}

function checkMolfile(block: SdfBlock, end: number, molfile: string | null): void {
  const at = (offset: number) => block.line + offset;
  if (block.droppedChars > 0) {
    throw new RecordFault('the record is larger than the molfile limit; ' +
      'is a `$$$$` line missing?', at(0));
  }
  if (end < 0) {
    const reason = block.terminated
      ? 'no `M  END` line before `$$$$`'
      : 'the file ends inside this record before `M  END`; its tail is truncated';
    throw new RecordFault(reason, at(0));
  }

  const counts = block.lines[3];
  if (end < 3 || counts === undefined || !isCountsLine(counts)) {
    const blanks = block.lines.findIndex((line) => line.trim() !== '');
    const hint = blanks > 0 ? `; ${blanks} blank line(s) stand before the header` : '';
    throw new RecordFault(`the 4th line is not a V2000 or V3000 counts line${hint}`, at(0));
  }

  const blank = block.lines.findIndex((line, i) => i > 3 && i < end && line.trim() === '');
  if (blank > 0) {
    throw new RecordFault('a blank line inside the atom and bond block', at(blank));
  }
  checkV2000Size(block, counts, end);
  // The decoder puts U+FFFD where bytes were not UTF-8.
  if (molfile?.includes('\uFFFD')) {
    throw new RecordFault('the molfile is not valid UTF-8 text', at(0));
  }
}

function isCountsLine(line: string): boolean {
  return V3000_COUNTS.test(line) || V2000_COUNTS.test(line);
}

function checkV2000Size(block: SdfBlock, counts: string, end: number): void {
  if (V3000_COUNTS.test(counts)) {
    return;
  }

  const atoms = Number(counts.slice(0, 3));
  const bonds = Number(counts.slice(3, 6));
  if (end - 4 < atoms + bonds) {
    throw new RecordFault(`the counts line announces ${atoms} atoms and ${bonds} bonds, ` +
      `but only ${end - 4} lines follow before \`M  END\``, block.line + 3);
  }
}

/** SD data items as read, and the first reason they are not what the file meant. */
interface DataItems {
  properties: Record<string, string> | null;
  fault: RecordFault | null;
}

/** Reads the `> <NAME>` data items after `M  END`; a value ends at a blank line. */
function readProperties(block: SdfBlock, from: number): DataItems {
  const properties: Record<string, string> = {};
  let fault: RecordFault | null = null;
  let current: { key: string; line: number; values: string[] } | null = null;

  for (let i = from; i <= block.lines.length; i++) {
    const text = block.lines[i] ?? '';
    const header: RegExpExecArray | null = current === null ? PROPERTY_HEADER.exec(text) : null;
    if (header) {
      current = { key: header[1], line: block.line + i, values: [] };
    } else if (current !== null && text.trim() !== '') {
      current.values.push(text);
    } else if (current !== null) {
      properties[current.key] = current.values.join('\n');
      fault ??= utf8Fault(current.key, properties[current.key], current.line);
      current = null;
    } else if (text.trim() !== '') {
      fault ??= new RecordFault(`unexpected text after \`M  END\`: "${text.slice(0, 40)}"`,
        block.line + i);
    }
  }
  return { properties: Object.keys(properties).length > 0 ? properties : null, fault };
}

function utf8Fault(key: string, value: string, line: number): RecordFault | null {
  // The decoder puts U+FFFD where bytes were not UTF-8.
  if (value.includes('\uFFFD') || key.includes('\uFFFD')) {
    return new RecordFault(`the value of <${key}> is not valid UTF-8 text`, line);
  }
  return null;
}
