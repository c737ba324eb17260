import { memo, type CheckRun, type MoleculeContext } from './context.js';
import { elementSymbol } from './formula.js';
import { netCharge } from './graph.js';

/** The canonical SMILES must read back into a molecule with the same canonical SMILES. */
export const smilesRoundTrip: CheckRun = ({ rdkit, smiles }) => {
  const again = rdkit.get_mol(smiles);
  try {
    if (again === null || !again.is_valid()) {
      return [{ message: `canonical SMILES ${smiles} does not read back` }];
    }
    const back = again.get_smiles();
    if (back === smiles) return [];
    return [{ message: `canonical SMILES ${smiles} reads back as ${back}` }];
  } finally {
    again?.delete();
  }
};

/** The InChI's formula, charge and proton layers must add up to the molecule's atoms. */
export const inchiMismatch: CheckRun = (ctx) => {
  if (ctx.inchi === null) return [];

  const layers = inchiTotals(ctx.inchi);
  const atoms = elementCounts(ctx);
  const charge = netCharge(ctx.graph.atoms);
  const differences: string[] = [];

  for (const symbol of new Set([...layers.elements.keys(), ...atoms.keys()])) {
    const inInchi = layers.elements.get(symbol) ?? 0;
    const inMol = atoms.get(symbol) ?? 0;
    if (inInchi !== inMol) differences.push(`${symbol} ${inInchi} in the InChI, ${inMol} drawn`);
  }
  if (layers.charge !== charge) {
    differences.push(`charge ${layers.charge} in the InChI, ${charge} drawn`);
  }
  if (differences.length === 0) return [];
  return [{ message: `InChI disagrees with the structure: ${differences.join('; ')}` }];
};

/** Element counts and net charge that an InChI describes, protons layer included. */
export function inchiTotals(inchi: string): { elements: Map<string, number>; charge: number } {
  const layers = inchi.split('/');
  const elements = formulaCounts(layers[1] ?? '');
  const charge = sumCharges(layers.find((l) => l.startsWith('q'))?.slice(1) ?? '');
  const protons = Number(layers.find((l) => l.startsWith('p'))?.slice(1) ?? 0);

  // The /p layer counts protons InChI added or removed to reach its neutral parent.
  if (protons !== 0) elements.set('H', (elements.get('H') ?? 0) + protons);
  return { elements, charge: charge + protons };
}

function formulaCounts(formula: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const component of formula.split('.')) {
    const [, times, body] = /^(\d*)(.*)$/.exec(component) as RegExpExecArray;
    const multiplier = times === '' ? 1 : Number(times);
    for (const [, symbol, n] of body.matchAll(/([A-Z][a-z]?)(\d*)/g)) {
      counts.set(symbol, (counts.get(symbol) ?? 0) + multiplier * (n === '' ? 1 : Number(n)));
    }
  }
  return counts;
}

function sumCharges(layer: string): number {
  let total = 0;
  for (const part of layer.split(';')) {
    const [, times, value] = /^(?:(\d+)\*)?([+-]?\d*)$/.exec(part) ?? [];
    if (value === undefined || value === '') continue;
    total += (times ? Number(times) : 1) * Number(value);
  }
  return total;
}

function elementCounts(ctx: MoleculeContext): Map<string, number> {
  return memo(ctx, 'elementCounts', () => {
    const counts = new Map<string, number>();
    const add = (symbol: string, n: number): void => {
      if (n > 0) counts.set(symbol, (counts.get(symbol) ?? 0) + n);
    };
    for (const atom of ctx.graph.atoms) {
      add(elementSymbol(atom.z), 1);
      add('H', atom.impHs);
    }
    return counts;
  });
}
