import { memo, plural, type CheckRun, type MoleculeContext } from './context.js';
import { elementSymbol } from './formula.js';
import { fragmentOf, netCharge } from './graph.js';
import { compilePatterns, matchesOf, perModule, readPatternFile } from './patterns.js';

// H B C N O F Si P S Cl Se Br I: the elements of ordinary organic molecules.
const ORGANIC = new Set([1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 34, 35, 53]);

/** Heavy atoms above which a structure is reported as too large for small-molecule rules. */
export const MAX_HEAVY_ATOMS = 150;

// Salts and solvents as published with RDKit's MolStandardize (BSD): see chem/data/README.md.
/** The salt and solvent patterns, compiled once per RDKit module (thread). */
export const fragmentPatterns = perModule((rdkit) =>
  compilePatterns(rdkit, readPatternFile('data/fragments.tsv')).map((pattern) => ({
    ...pattern,
    size: pattern.query.get_num_atoms(),
  })));

/** More than one fragment, naming those that are known salts or solvents. */
export const multipleFragments: CheckRun = (ctx) => {
  const count = new Set(fragments(ctx)).size;
  if (count < 2) return [];

  const names = knownFragments(ctx).map((known) => known.name);
  const named = names.length > 0 ? `: ${names.join(', ')}` : '';
  return [{ message: `${count} disconnected fragments${named}` }];
};

/** A fragment that is wholly one recognised salt or solvent. */
export interface KnownFragment {
  name: string;
  atoms: number[];
}

/** The fragment number of every atom, computed once per molecule. */
function fragments(ctx: MoleculeContext): number[] {
  return memo(ctx, 'fragments', () => fragmentOf(ctx.graph));
}

/** The salt and solvent patterns that each cover one whole fragment, in file order. */
export function knownFragments(ctx: MoleculeContext): KnownFragment[] {
  return memo(ctx, 'knownFragments', () => findKnownFragments(ctx, fragments(ctx)));
}

function findKnownFragments(ctx: MoleculeContext, fragment: number[]): KnownFragment[] {
  const members = new Map<number, number[]>();
  fragment.forEach((f, atom) => members.set(f, [...(members.get(f) ?? []), atom]));
  const sizes = new Set([...members.values()].map((atoms) => atoms.length));

  const known: KnownFragment[] = [];
  for (const pattern of fragmentPatterns(ctx.rdkit)) {
    // A pattern can only cover a fragment of its own size: most never reach the matcher.
    if (!sizes.has(pattern.size)) continue;

    const whole = matchesOf(ctx.mol, pattern).find((match) => {
      const home = fragment[match[0]];
      const size = (members.get(home) as number[]).length;
      return size === match.length && match.every((atom) => fragment[atom] === home);
    });
    if (whole) known.push({ name: pattern.name, atoms: whole });
  }
  return known;
}

/** A net formal charge other than zero. */
export const charged: CheckRun = ({ graph }) => {
  const charge = netCharge(graph.atoms);
  if (charge === 0) return [];
  const atoms = indexesWhere(graph.atoms, (atom) => atom.chg !== 0);
  return [{ message: `net charge ${charge > 0 ? '+' : ''}${charge}`, atoms }];
};

/** Atoms with unpaired electrons. */
export const radical: CheckRun = ({ graph }) => {
  const atoms = indexesWhere(graph.atoms, (atom) => atom.nRad > 0);
  const electrons = graph.atoms.reduce((sum, atom) => sum + atom.nRad, 0);
  return atoms.length === 0 ? [] : [{ message: plural(electrons, 'radical electron'), atoms }];
};

/** Atoms with an isotope label. */
export const isotope: CheckRun = ({ graph }) => {
  const atoms = indexesWhere(graph.atoms, (atom) => atom.isotope > 0);
  if (atoms.length === 0) return [];
  return [{ message: `isotope label on ${plural(atoms.length, 'atom')}`, atoms }];
};

/** Elements outside the organic set, except counterions that multiple-fragments names. */
export const unusualElement: CheckRun = (ctx) => {
  const { graph } = ctx;
  const unusual = (z: number): boolean => z > 0 && !ORGANIC.has(z);
  if (!graph.atoms.some((atom) => unusual(atom.z))) return [];

  // Sodium in a sodium salt is named as a counterion already; only bound metals count here.
  const salt = new Set(fragments(ctx)).size > 1;
  const counterions = new Set(salt ? knownFragments(ctx).flatMap((known) => known.atoms) : []);
  const atoms = indexesWhere(graph.atoms, (atom, i) => unusual(atom.z) && !counterions.has(i));
  if (atoms.length === 0) return [];
  const symbols = [...new Set(atoms.map((a) => elementSymbol(graph.atoms[a].z)))];
  return [{ message: `unusual element ${symbols.join(', ')}`, atoms }];
};

/** Dummy, R-group and query atoms, which RDKit reads as atomic number 0. */
export const dummyAtom: CheckRun = ({ graph }) => {
  const atoms = indexesWhere(graph.atoms, (atom) => atom.z === 0);
  if (atoms.length === 0) return [];
  return [{ message: `${plural(atoms.length, 'dummy or query atom')}`, atoms }];
};

/** More heavy atoms than small-molecule rules are meant for. */
export const tooManyAtoms: CheckRun = (ctx) => {
  const heavy = heavyAtoms(ctx);
  if (heavy <= MAX_HEAVY_ATOMS) return [];
  return [{ message: `${heavy} heavy atoms, more than ${MAX_HEAVY_ATOMS}` }];
};

/** Number of atoms other than hydrogen. */
export function heavyAtoms(ctx: MoleculeContext): number {
  return memo(ctx, 'heavyAtoms', () => ctx.graph.atoms.filter((atom) => atom.z !== 1).length);
}

function indexesWhere<T>(items: T[], test: (item: T, index: number) => boolean): number[] {
  return items.flatMap((item, index) => (test(item, index) ? [index] : []));
}

