import type { RDKitMol } from './rdkit.js';

/** One atom as RDKit's commonchem JSON describes it. */
export interface Atom {
  z: number;
  impHs: number;
  chg: number;
  nRad: number;
  isotope: number;
}

/** The atoms and bonds of a molecule. */
export interface Graph {
  atoms: Atom[];
  bonds: Array<[number, number]>;
}

interface CommonChemDoc {
  defaults: { atom: Atom };
  molecules: Array<{ atoms?: Partial<Atom>[]; bonds?: Array<{ atoms: [number, number] }> }>;
}

/** Reads a molecule's atoms and bonds from RDKit's commonchem JSON. */
export function readGraph(mol: RDKitMol): Graph {
  const doc = JSON.parse(mol.get_json()) as CommonChemDoc;
  const molecule = doc.molecules[0];

  return {
    atoms: (molecule?.atoms ?? []).map((atom) => ({ ...doc.defaults.atom, ...atom })),
    bonds: (molecule?.bonds ?? []).map((bond) => bond.atoms),
  };
}

/** Number of disconnected fragments. */
export function countFragments(graph: Graph): number {
  const parent = graph.atoms.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]];
    return index;
  };

  let fragments = graph.atoms.length;
  for (const [a, b] of graph.bonds) {
    const [rootA, rootB] = [root(a), root(b)];
    if (rootA === rootB) continue;

    parent[rootA] = rootB;
    fragments -= 1;
  }
  return fragments;
}

/** Sum of the formal charges. */
export function netCharge(atoms: Atom[]): number {
  return atoms.reduce((sum, atom) => sum + atom.chg, 0);
}
