import fs from 'node:fs';
import readline from 'node:readline';

import type { StagedRecord } from '../../store/index.js';
import { isStructureHeader } from './columns.js';
import { readErrorOf, withinLimits } from './record.js';

/** The structure and the name of one `.smi` line. */
export interface SmiLine {
  structure: string;
  name: string | null;
}

// SMILES, then an optional CXSMILES part `|...|` after a space, then the name: the rest of the
// line, spaces inside it kept.
const SMI_LINE = /^(\S+)(?:\s+(\|[^|]*\|))?(?:\s+(.*))?$/;

/** Splits a `.smi` line into its structure (with any CXSMILES part) and its name. */
export function splitSmiLine(text: string): SmiLine {
  const match = SMI_LINE.exec(text.trim());
  if (!match) {
    return { structure: text.trim(), name: null };
  }

  const [, smiles, extension, name] = match;
  const structure = extension ? `${smiles} ${extension}` : smiles;
  return { structure, name: name?.trim() || null };
}

/** Reads a `.smi` file: one structure per line, a name after whitespace, `#` comments. */
export async function* readSmi(file: string): AsyncGenerator<StagedRecord> {
  const input = fs.createReadStream(file, 'utf8');
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let recordIndex = 0;

  for await (const raw of lines) {
    lineNo += 1;
    const text = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (text === '' || text.startsWith('#')) {
      continue;
    }

    const { structure, name } = splitSmiLine(text);
    // Some tools write a "SMILES Name" header line; it is not a molecule.
    if (recordIndex === 0 && isStructureHeader(structure)) {
      continue;
    }
    const record = { line: lineNo, name, input: structure, properties: null };
    yield { ...withinLimits({ ...record, readError: readErrorOf(structure, name) }), recordIndex };
    recordIndex += 1;
  }
}
