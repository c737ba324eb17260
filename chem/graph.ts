import type { RDKitMol } from './rdkit.js';

/** One atom as RDKit's commonchem JSON describes it. */
export interface Atom {
  z: number;
  impHs: number;
  chg: number;
  nRad: number;
  isotope: number;
  /** Tetrahedral parity: `cw`, `ccw`, or `unspecified`. */
  stereo: string;
}

/** One bond as RDKit's commonchem JSON describes it (Kekulé bond orders). */
export interface Bond {
  atoms: [number, number];
  /** Bond order: 0 (zero-order), 1, 2 or 3. */
  bo: number;
  /** Double-bond stereo: `cis`, `trans`, `either` or `unspecified`. */
  stereo: string;
}

/** The atoms and bonds of a molecule, with RDKit's CIP ranks when it wrote them. */
export interface Graph {
  atoms: Atom[];
  bonds: Bond[];
  /** One rank per atom; equal ranks mean RDKit found the atoms equivalent. */
  ranks: number[] | null;
}

interface CommonChemDoc {
  defaults: { atom: Atom; bond: Omit<Bond, 'atoms'> };
  molecules: Array<{
    atoms?: Partial<Atom>[];
    bonds?: Array<Partial<Bond> & { atoms: [number, number] }>;
    extensions?: Array<{ name: string; cipRanks?: number[] }>;
  }>;
}

/** Reads a molecule's atoms and bonds from RDKit's commonchem JSON. */
export function readGraph(mol: RDKitMol): Graph {
  const doc = JSON.parse(mol.get_json()) as CommonChemDoc;
  const molecule = doc.molecules[0];
  const rdkit = molecule?.extensions?.find((ext) => ext.name === 'rdkitRepresentation');

  return {
    atoms: (molecule?.atoms ?? []).map((atom) => ({ ...doc.defaults.atom, ...atom })),
    bonds: (molecule?.bonds ?? []).map((bond) => ({ ...doc.defaults.bond, ...bond })),
    ranks: rdkit?.cipRanks ?? null,
  };
}

/** The fragment number of every atom, numbered from 0 in order of first atom. */
export function fragmentOf(graph: Graph): number[] {
  const parent = graph.atoms.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]];
    return index;
  };
  for (const { atoms: [a, b] } of graph.bonds) parent[root(a)] = root(b);

  const numbers = new Map<number, number>();
  return graph.atoms.map((_, index) => {
    const r = root(index);
    if (!numbers.has(r)) numbers.set(r, numbers.size);
    return numbers.get(r) as number;
  });
}

/** Sum of the formal charges. */
export function netCharge(atoms: Atom[]): number {
  return atoms.reduce((sum, atom) => sum + atom.chg, 0);
}

/** The neighbours of every atom, as atom indexes. */
export function neighbours(graph: Graph): number[][] {
  const lists: number[][] = graph.atoms.map(() => []);
  for (const { atoms: [a, b] } of graph.bonds) {
    lists[a].push(b);
    lists[b].push(a);
  }
  return lists;
}
