import { loadRdkit, type RDKitModule } from '../chem/rdkit.js';
import type { Finding } from '../chem/findings.js';
import { validateStructure, type StructureResult, type ValidateOptions } from '../chem/validate.js';

let rdkit: RDKitModule | undefined;

/** This test file's RDKit module, loaded once. */
export async function rdkitModule(): Promise<RDKitModule> {
  rdkit ??= await loadRdkit();
  return rdkit;
}

/** Validates a structure with every check at its default unless the options say otherwise. */
export async function validate(
  structure: string,
  opts?: ValidateOptions,
): Promise<StructureResult> {
  return validateStructure(await rdkitModule(), structure, opts);
}

/** The findings of one code on a structure. */
export async function findingsOf(structure: string, code: string): Promise<Finding[]> {
  return (await validate(structure)).findings.filter((finding) => finding.code === code);
}

/** Writes a V2000 molfile of the given atoms (x, y, z, symbol) and bonds (from, to, type). */
export function v2000(
  name: string,
  atoms: Array<[number, number, number, string]>,
  bonds: Array<[number, number, number]>,
): string {
  const pad = (value: number | string, width: number): string => String(value).padStart(width);
  const counts = `${pad(atoms.length, 3)}${pad(bonds.length, 3)}  0  0  0  0  0  0  0  0999 V2000`;
  const atomLines = atoms.map(([x, y, z, symbol]) =>
    `${pad(x.toFixed(4), 10)}${pad(y.toFixed(4), 10)}${pad(z.toFixed(4), 10)} ` +
    `${symbol.padEnd(3)} 0  0  0  0  0  0  0  0  0  0  0  0`);
  const bondLines = bonds.map(([a, b, type]) => `${pad(a, 3)}${pad(b, 3)}${pad(type, 3)}  0`);
  return [name, '  molbatch test', '', counts, ...atomLines, ...bondLines, 'M  END', ''].join('\n');
}
