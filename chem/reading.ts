import { problem } from './findings.js';
import { takeRdkitLog } from './rdkit.js';
import type { RDKitModule, RDKitMol } from './rdkit.js';
import type { StructureResult } from './validate.js';

/** How to read the text of a structure. */
export type StructureFormat = 'auto' | 'smiles' | 'molfile';

/** The text of a structure and how it is read. */
export interface Input {
  text: string;
  format: 'smiles' | 'molfile';
}

// Lines of RDKit's invariant reports that frame the actual reason.
const LOG_NOISE =
  /^(\*+|(Pre|Post)-condition Violation|Invariant Violation|Violation occurred.*|Failed Expression.*)$/;

/** The text to read and its format, or null for a blank record. */
export function readInput(structure: string, format: StructureFormat): Input | null {
  if (structure.trim() === '') return null;

  const molfile = format === 'molfile' || (format === 'auto' && looksLikeMolfile(structure));
  if (molfile) return { text: structure, format: 'molfile' };
  return { text: structure.trim(), format: 'smiles' };
}

function looksLikeMolfile(text: string): boolean {
  if (text.includes('M  END')) return true;

  const countsLine = text.split(/\r?\n/, 4)[3];
  return countsLine !== undefined && /V[23]000\s*$/.test(countsLine);
}

/** Reads the text with RDKit; null when RDKit cannot read (or sanitize) it. */
export function parseMol(rdkit: RDKitModule, input: Input, sanitize: boolean): RDKitMol | null {
  // Molfiles keep explicit H atoms by default; drop them so the canonical
  // SMILES matches what the same molecule gives as SMILES.
  const details = input.format === 'molfile' ? { sanitize, removeHs: true } : { sanitize };
  const mol = rdkit.get_mol(input.text, JSON.stringify(details));
  if (mol === null || mol.is_valid()) return mol;

  mol.delete();
  return null;
}

/** The result of a text RDKit rejected: unreadable (error) or not valid (fail), with the kind. */
export function explainParseFailure(rdkit: RDKitModule, input: Input): StructureResult {
  const reason = rdkitReason(takeRdkitLog(rdkit));

  const raw = parseMol(rdkit, input, false);
  try {
    return raw === null ? unreadable(input, reason) : unsanitizable(reason);
  } finally {
    raw?.delete();
  }
}

function unreadable(input: Input, reason: string | null): StructureResult {
  const what = input.format === 'molfile' ? 'a molfile' : 'SMILES';
  const message = reason === null ? `could not be read as ${what}` : `could not be read: ${reason}`;
  const kind = reason !== null && /ring closure|unclosed ring|ring bond/i.test(reason)
    ? 'ring-closure'
    : 'syntax';
  return problem('error', 'parse-error', message, { kind });
}

// The text was read but the chemistry is impossible: an invalid structure (fail), not unread.
function unsanitizable(reason: string | null): StructureResult {
  const message = reason ?? 'RDKit could not sanitize the structure';
  const kind = reason === null ? 'other'
    : /valence/i.test(reason) ? 'valence'
      : /kekuli[sz]e/i.test(reason) ? 'kekulize' : 'other';
  return problem('fail', 'parse-error', message, { severity: 'critical', kind });
}

/** The first line of RDKit's log that says why, with the position when RDKit gave one. */
export function rdkitReason(lines: string[]): string | null {
  const found = lines.find((line) => !LOG_NOISE.test(line));
  if (found === undefined) return null;

  // RDKit prints some enum values as raw characters (a NUL for a query bond type).
  // eslint-disable-next-line no-control-regex
  const reason = found.replace(/[\u0000-\u001f]/g, '?');

  const position = lines.map((line) => /around position (\d+)/.exec(line)).find((m) => m !== null);
  return position ? `${reason} (around position ${position[1]})` : reason;
}

/** The reason of a violated invariant in RDKit's log, or null when it logged none. */
export function violationReason(lines: string[]): string | null {
  return lines.some((line) => /Violation/.test(line)) ? rdkitReason(lines) : null;
}

