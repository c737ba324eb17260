import { DEFAULT_MAX_MOLFILE_LENGTH } from '../../chem/budget.js';
import type { StagedRecord } from '../../store/index.js';

/** A record before it gets its index: what a reader makes of one row or SD record. */
export type ReadRecord = Omit<StagedRecord, 'recordIndex'>;

/** Longest name kept, in characters; the store's text column holds no more in any dialect. */
export const MAX_NAME_LENGTH = 10_000;

/** Longest structure kept, in characters: the molfile limit of the chemistry. */
export const MAX_STRUCTURE_LENGTH = DEFAULT_MAX_MOLFILE_LENGTH;

// What an over-long field keeps, so the result still shows which record it was.
const KEPT_PREFIX = 200;

/** Why a record cannot be validated at all, or null when it can. */
export function readErrorOf(input: string | null, name: string | null): string | null {
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

/**
 * Cuts a field too long to store down to a prefix and says why; a record like that is an error
 * result, the batch goes on.
 */
export function withinLimits(record: ReadRecord): ReadRecord {
  const tooLong = overLimit('structure', record.input, MAX_STRUCTURE_LENGTH) ??
    overLimit('name', record.name, MAX_NAME_LENGTH);
  if (tooLong === null) {
    return record;
  }

  return {
    ...record,
    input: clip(record.input, MAX_STRUCTURE_LENGTH),
    name: clip(record.name, MAX_NAME_LENGTH),
    readError: record.readError ?? tooLong,
  };
}

function overLimit(what: string, text: string | null, limit: number): string | null {
  if (text === null || text.length <= limit) {
    return null;
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return `the ${what} has ${n(text.length)} characters, more than the limit of ${n(limit)}`;
}

function clip(text: string | null, limit: number): string | null {
  return text !== null && text.length > limit ? `${text.slice(0, KEPT_PREFIX)}…` : text;
}
