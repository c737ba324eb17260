import { problem } from './findings.js';
import type { StructureResult } from './validate.js';

/** Size limits checked before a structure reaches RDKit. */
export interface InputLimits {
  /** Longest SMILES read, in characters; 20,000 by default. */
  maxInputLength?: number;
  /** Longest molfile read, in characters; 1,000,000 by default (about 10,000 atoms). */
  maxMolfileLength?: number;
  /** Most atoms (hydrogens included when drawn) a read structure may have; 1,000 by default. */
  maxAtoms?: number;
}

/** Default of `maxInputLength`, in characters. */
export const DEFAULT_MAX_INPUT_LENGTH = 20_000;

// A molfile spends roughly 70 characters per atom line and 20 per bond line,
// about 50 times what SMILES needs for the same molecule.
/** Default of `maxMolfileLength`, in characters. */
export const DEFAULT_MAX_MOLFILE_LENGTH = 1_000_000;

// Checks and descriptors grow faster than linearly with size; beyond this the
// WASM build takes seconds per structure, and small-molecule rules mean little.
/** Default of `maxAtoms`. */
export const DEFAULT_MAX_ATOMS = 1_000;

/** Default time one record may take on RDKit, in ms. */
export const DEFAULT_RECORD_BUDGET_MS = 10_000;

/** Default of `maxSliceBudgetMs`: the cap of a whole slice's time budget, in ms. */
export const DEFAULT_SLICE_CAP_MS = 60_000;

/** Why the text is too large to hand to RDKit, or null when it is within the limits. */
export function oversizeReason(
  text: string,
  format: 'smiles' | 'molfile',
  limits: InputLimits,
): string | null {
  const limit = format === 'molfile'
    ? (limits.maxMolfileLength ?? DEFAULT_MAX_MOLFILE_LENGTH)
    : (limits.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH);
  if (text.length <= limit) return null;

  const what = format === 'molfile' ? 'molfile' : 'SMILES';
  const option = format === 'molfile' ? 'maxMolfileLength' : 'maxInputLength';
  return `the ${what} has ${count(text.length)} characters, ` +
    `more than the limit of ${count(limit)} (${option})`;
}

/** Why a read molecule has too many atoms to check, or null when it is within the limit. */
export function tooManyAtomsReason(atoms: number, limits: InputLimits): string | null {
  const limit = limits.maxAtoms ?? DEFAULT_MAX_ATOMS;
  if (atoms <= limit) return null;
  return `the structure has ${count(atoms)} atoms, ` +
    `more than the limit of ${count(limit)} (maxAtoms)`;
}

/** The result of a structure that RDKit did not finish within the budget. */
export function overBudgetResult(budgetMs: number): StructureResult {
  const seconds = Number((budgetMs / 1000).toFixed(1));
  const message = `RDKit took longer than ${seconds} s on this structure; it was stopped`;
  return problem('error', 'time-budget', message);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
