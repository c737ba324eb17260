import type { MoleculeStatus, OpsinNameOptions } from './types.js';

/** Input of the `validateMolecule` workflow: one SMILES, molfile or IUPAC name. */
export interface ValidateMoleculeInput {
  text: string;
  /** How OPSIN reads the text when it is a name. */
  opsin?: OpsinNameOptions;
}

/** What `validateMolecule` returns for one molecule. */
export interface MoleculeResult {
  /** The text as given. */
  input: string;
  /** The structure RDKit read: the text, or the SMILES OPSIN made of the name. */
  structure: string | null;
  /** Whether OPSIN converted the text as a name first. */
  fromName: boolean;
  status: MoleculeStatus;
  message: string;
  issues: string[];
  /** 0 to 100; see the result columns of the README. */
  score: number;
  canonicalSmiles: string | null;
  inchikey: string | null;
  formula: string | null;
  mw: number | null;
}

// Letters a SMILES string may hold outside brackets: organic-subset atoms, aromatic ones, and
// the second letters of Cl and Br.
const SMILES_TEXT = /^[BCNOSPFIbcnospl0-9=#$:/\\.()+\-%@*~r]+$/;

/**
 * Whether the text reads as a name rather than a structure: whitespace, a molfile's lines
 * excepted, or letters SMILES has no use for outside brackets ("ethanol", "aspirin").
 */
export function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.includes('\n')) {
    return false;
  }
  if (/\s/.test(trimmed)) {
    return true;
  }
  const outsideBrackets = trimmed.replace(/\[[^\]]*\]/g, '');
  return outsideBrackets.length > 0 && !SMILES_TEXT.test(outsideBrackets);
}
