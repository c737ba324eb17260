import { memo, plural, type CheckRun, type MoleculeContext } from './context.js';

/** x, y and z of one atom. */
export type Point = [number, number, number];

/** Atoms and bonds as a molfile's connection table gives them (1-based atom numbers). */
export interface MolfileTable {
  coords: Point[];
  bonds: Array<{ from: number; to: number; type: number }>;
}

// Bond types 5-8 of the CTfile format are queries: single/double, single/aromatic,
// double/aromatic and any.
const QUERY_BOND_TYPES: Readonly<Record<number, string>> = {
  5: 'single or double',
  6: 'single or aromatic',
  7: 'double or aromatic',
  8: 'any',
};

// Atoms nearer than this fraction of the median bond length are drawn on top of each other.
const OVERLAP_FRACTION = 0.1;

/** Reads the atom coordinates and bonds of a V2000 or V3000 molfile. */
export function readMolfileTable(text: string): MolfileTable {
  const lines = text.split(/\r?\n/);
  const counts = lines[3] ?? '';
  return /V3000/.test(counts) ? readV3000(lines) : readV2000(lines, counts);
}

function readV2000(lines: string[], counts: string): MolfileTable {
  const atomCount = Number(counts.slice(0, 3)) || 0;
  const bondCount = Number(counts.slice(3, 6)) || 0;
  const atomLines = lines.slice(4, 4 + atomCount);
  const bondLines = lines.slice(4 + atomCount, 4 + atomCount + bondCount);

  return {
    coords: atomLines.map((l): Point => [
      num(l.slice(0, 10)), num(l.slice(10, 20)), num(l.slice(20, 30)),
    ]),
    bonds: bondLines.map((l) => ({
      from: num(l.slice(0, 3)), to: num(l.slice(3, 6)), type: num(l.slice(6, 9)),
    })),
  };
}

function readV3000(lines: string[]): MolfileTable {
  const table: MolfileTable = { coords: [], bonds: [] };
  let block = '';
  for (const line of lines) {
    const body = /^M {2}V30 (.*)$/.exec(line)?.[1]?.trim();
    if (body === undefined) continue;

    const begin = /^(BEGIN|END) (\w+)/.exec(body);
    if (begin) {
      block = begin[1] === 'BEGIN' ? begin[2] : '';
      continue;
    }
    const fields = body.split(/\s+/);
    if (block === 'ATOM') table.coords.push([num(fields[2]), num(fields[3]), num(fields[4])]);
    if (block === 'BOND') {
      table.bonds.push({ type: num(fields[1]), from: num(fields[2]), to: num(fields[3]) });
    }
  }
  return table;
}

function num(field: string | undefined): number {
  const value = Number(field?.trim());
  return Number.isFinite(value) ? value : 0;
}

function tableOf(ctx: MoleculeContext): MolfileTable | null {
  if (ctx.format !== 'molfile') return null;
  return memo(ctx, 'molfileTable', () => readMolfileTable(ctx.text));
}

/** Every atom at the origin: the molfile carries no drawing. */
export const noCoordinates: CheckRun = (ctx) => {
  const table = tableOf(ctx);
  if (table === null || table.coords.length < 2) return [];
  const zero = table.coords.every(([x, y, z]) => x === 0 && y === 0 && z === 0);
  return zero ? [{ message: 'every atom of the molfile is at (0, 0, 0)' }] : [];
};

/** Any atom off the z = 0 plane: 3D coordinates. */
export const threeDCoordinates: CheckRun = (ctx) => {
  const table = tableOf(ctx);
  if (table === null || !table.coords.some(([, , z]) => Math.abs(z) > 1e-4)) return [];
  return [{ message: 'the molfile has 3D coordinates' }];
};

/** Pairs of atoms drawn on top of each other. */
export const overlappingAtoms: CheckRun = (ctx) => {
  const table = tableOf(ctx);
  if (table === null) return [];

  const limit = OVERLAP_FRACTION * medianBondLength(table);
  if (!(limit > 0)) return [];
  const pairs = closePairs(table.coords, limit);
  if (pairs.length === 0) return [];

  const shown = pairs.slice(0, 5).map(([a, b]) => `${a + 1}/${b + 1}`).join(', ');
  const message = `${plural(pairs.length, 'pair')} of overlapping atoms (molfile atoms ${shown})`;
  // Molfile and molecule number atoms alike unless reading removed hydrogens.
  if (table.coords.length !== ctx.graph.atoms.length) return [{ message }];
  return [{ message, atoms: [...new Set(pairs.flat())].sort((a, b) => a - b) }];
};

/** Query bond types, which leave the bond order open. */
export const queryBond: CheckRun = (ctx) => {
  const table = tableOf(ctx);
  if (table === null) return [];

  const query = table.bonds.filter((bond) => QUERY_BOND_TYPES[bond.type] !== undefined);
  if (query.length === 0) return [];
  const first = query[0];
  const message = `${plural(query.length, 'query bond')}, e.g. ${first.from}-${first.to} ` +
    `(${QUERY_BOND_TYPES[first.type]})`;
  return [{ message }];
};

function medianBondLength({ coords, bonds }: MolfileTable): number {
  const lengths = bonds
    .filter((b) => coords[b.from - 1] && coords[b.to - 1])
    .map((b) => distance(coords[b.from - 1], coords[b.to - 1]))
    .sort((p, q) => p - q);
  return lengths.length === 0 ? 0 : lengths[Math.floor(lengths.length / 2)];
}

/** Atom index pairs closer than the limit; a sweep along x keeps it near linear. */
function closePairs(coords: Point[], limit: number): Array<[number, number]> {
  const order = coords.map((_, index) => index).sort((a, b) => coords[a][0] - coords[b][0]);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < order.length; i += 1) {
    for (let j = i + 1; j < order.length; j += 1) {
      const [a, b] = [order[i], order[j]];
      if (coords[b][0] - coords[a][0] >= limit) break;
      if (distance(coords[a], coords[b]) < limit) pairs.push(a < b ? [a, b] : [b, a]);
    }
  }
  return pairs;
}

function distance(p: Point, q: Point): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
