import type { RDKitModule } from './rdkit.js';
import { netCharge, type Atom } from './graph.js';

const SYMBOLS = [
  '*', 'H', 'He', 'Li', 'Be', 'B', 'C', 'N', 'O', 'F', 'Ne', 'Na', 'Mg', 'Al', 'Si', 'P', 'S',
  'Cl', 'Ar', 'K', 'Ca', 'Sc', 'Ti', 'V', 'Cr', 'Mn', 'Fe', 'Co', 'Ni', 'Cu', 'Zn', 'Ga', 'Ge',
  'As', 'Se', 'Br', 'Kr', 'Rb', 'Sr', 'Y', 'Zr', 'Nb', 'Mo', 'Tc', 'Ru', 'Rh', 'Pd', 'Ag', 'Cd',
  'In', 'Sn', 'Sb', 'Te', 'I', 'Xe', 'Cs', 'Ba', 'La', 'Ce', 'Pr', 'Nd', 'Pm', 'Sm', 'Eu', 'Gd',
  'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu', 'Hf', 'Ta', 'W', 'Re', 'Os', 'Ir', 'Pt', 'Au', 'Hg',
  'Tl', 'Pb', 'Bi', 'Po', 'At', 'Rn', 'Fr', 'Ra', 'Ac', 'Th', 'Pa', 'U', 'Np', 'Pu', 'Am', 'Cm',
  'Bk', 'Cf', 'Es', 'Fm', 'Md', 'No', 'Lr', 'Rf', 'Db', 'Sg', 'Bh', 'Hs', 'Mt', 'Ds', 'Rg', 'Cn',
  'Nh', 'Fl', 'Mc', 'Lv', 'Ts', 'Og',
];

const atomMasses = new WeakMap<RDKitModule, Map<string, number>>();

/** Returns the atomic number of an element symbol, or null when it names none. */
export function atomicNumber(symbol: string): number | null {
  const z = SYMBOLS.indexOf(symbol);
  return z > 0 ? z : null;
}

/** Returns the element symbol of an atomic number (`*` for a dummy atom). */
export function elementSymbol(atomicNumber: number): string {
  return SYMBOLS[atomicNumber] ?? `Z${atomicNumber}`;
}

/** Molecular formula in Hill order with the net charge, e.g. `C2H3NaO2` or `H4N+`. */
export function hillFormula(atoms: Atom[]): string {
  const counts = new Map<string, number>();
  const add = (symbol: string, n: number): void => {
    if (n > 0) counts.set(symbol, (counts.get(symbol) ?? 0) + n);
  };
  for (const atom of atoms) {
    add(elementSymbol(atom.z), 1);
    add('H', atom.impHs);
  }

  const symbols = [...counts.keys()].sort();
  const first = counts.has('C') ? ['C', ...(counts.has('H') ? ['H'] : [])] : [];
  const ordered = [...first, ...symbols.filter((symbol) => !first.includes(symbol))];

  const body = ordered.map((symbol) => {
    const n = counts.get(symbol) ?? 0;
    return n === 1 ? symbol : `${symbol}${n}`;
  });
  return body.join('') + chargeSuffix(netCharge(atoms));
}

/** Average molecular weight in g/mol, rounded to 3 decimals. */
export function averageMass(rdkit: RDKitModule, atoms: Atom[]): number {
  const hydrogen = atomMass(rdkit, 1, 0);
  const total = atoms.reduce(
    (sum, atom) => sum + atomMass(rdkit, atom.z, atom.isotope) + atom.impHs * hydrogen,
    0,
  );
  return Math.round(total * 1000) / 1000;
}

// get_descriptors computes dozens of descriptors and dominated the run time, so
// the weight is summed from RDKit's own per-atom `amw`, measured once per atom kind.
function atomMass(rdkit: RDKitModule, z: number, isotope: number): number {
  let masses = atomMasses.get(rdkit);
  if (masses === undefined) atomMasses.set(rdkit, (masses = new Map()));

  const smiles = `[${isotope > 0 ? isotope : ''}${elementSymbol(z)}]`;
  let mass = masses.get(smiles);
  if (mass === undefined) masses.set(smiles, (mass = measureMass(rdkit, smiles)));
  return mass;
}

function measureMass(rdkit: RDKitModule, smiles: string): number {
  const mol = rdkit.get_mol(smiles);
  if (mol === null) throw new Error(`RDKit cannot read the atom ${smiles}`);

  try {
    return (JSON.parse(mol.get_descriptors()) as { amw: number }).amw;
  } finally {
    mol.delete();
  }
}

function chargeSuffix(charge: number): string {
  if (charge === 0) return '';

  const sign = charge > 0 ? '+' : '-';
  return Math.abs(charge) === 1 ? sign : `${sign}${Math.abs(charge)}`;
}
