/** Header names that hold a structure (SMILES or molfile), compared case-insensitively. */
const STRUCTURE_HEADERS = [
  'smiles', 'canonical_smiles', 'isomeric_smiles', 'canonicalsmiles', 'isomericsmiles',
  'structure', 'mol', 'molecule', 'molfile', 'smi', 'smiles_string', 'cxsmiles',
];

/** Header names that hold a name or an identifier. */
const NAME_HEADERS = [
  'name', 'iupac', 'iupac_name', 'iupacname', 'compound id', 'compound_id', 'compound name',
  'compound_name', 'compound', 'title', 'id', 'identifier', 'mol_name', 'molecule_name',
  'preferred_name', 'chemical name', 'chemical_name',
];

/** Where the structure and the name sit in a header row. */
export interface ColumnMap {
  structure: number | null;
  name: number | null;
}

/** Finds the structure and name columns by common header names; null when absent. */
export function findColumns(header: string[]): ColumnMap {
  const normalised = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  return {
    structure: firstMatch(normalised, STRUCTURE_HEADERS),
    name: firstMatch(normalised, NAME_HEADERS),
  };
}

/** True when the text is a header name of a structure column, such as `SMILES`. */
export function isStructureHeader(text: string): boolean {
  return STRUCTURE_HEADERS.includes(text.trim().toLowerCase());
}

function firstMatch(header: string[], wanted: string[]): number | null {
  for (const candidate of wanted) {
    const at = header.indexOf(candidate);
    if (at >= 0) {
      return at;
    }
  }
  return null;
}
