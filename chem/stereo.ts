import { memo, plural, type CheckRun, type Hit, type MoleculeContext } from './context.js';
import { neighbours, type Graph } from './graph.js';

// Double bonds in rings smaller than this cannot be E/Z.
const MIN_STEREO_RING = 8;

// Stands for an implicit hydrogen among an atom's substituents.
const HYDROGEN_RANK = -1;

/** Tetrahedral centres (C, N+, P, S) with distinct substituents and no configuration. */
export const undefinedStereocentres: CheckRun = (ctx) => {
  const { graph } = ctx;
  const ranks = graph.ranks;
  if (ranks === null) return [];

  const near = adjacency(ctx);
  const atoms = graph.atoms.flatMap((atom, index) => {
    if (atom.stereo !== 'unspecified' || !tetrahedralCandidate(graph, near, index)) return [];

    // An implicit H, or the lone pair of a sulfoxide, is a substituent unlike any other.
    const substituents = [...near[index].map((n) => ranks[n]), ...hydrogens(atom.impHs)];
    return new Set(substituents).size === substituents.length ? [index] : [];
  });
  return found(atoms, 'undefined stereocentre');
};

/** Double bonds outside small rings whose ends each carry two different substituents, unset. */
export const undefinedDoubleBonds: CheckRun = (ctx) => {
  const { graph } = ctx;
  const ranks = graph.ranks;
  if (ranks === null) return [];

  const near = adjacency(ctx);
  const hits: Hit[] = [];
  for (const bond of graph.bonds) {
    if (bond.bo !== 2 || bond.stereo === 'cis' || bond.stereo === 'trans') continue;

    const [a, b] = bond.atoms;
    if (!distinctEnd(graph, near, ranks, a, b) || !distinctEnd(graph, near, ranks, b, a)) continue;
    if (ringSize(near, a, b) < MIN_STEREO_RING) continue;
    hits.push({ message: `double bond ${a}-${b} has no E/Z configuration`, atoms: [a, b] });
  }
  return hits;
};

function adjacency(ctx: MoleculeContext): number[][] {
  return memo(ctx, 'neighbours', () => neighbours(ctx.graph));
}

/**
 * Whether an atom is tetrahedral with room for four different substituents: sp3 carbon and
 * N+ with at most one H and single bonds only; P with four neighbours and at most one double
 * bond; S with three neighbours, one double-bonded (or S+ with three single bonds) and a lone
 * pair, as in sulfoxides and sulfinamides.
 */
function tetrahedralCandidate(graph: Graph, near: number[][], index: number): boolean {
  const atom = graph.atoms[index];
  const doubles = graph.bonds.filter((b) => b.bo !== 1 && b.atoms.includes(index)).length;
  const degree = near[index].length;
  if (atom.impHs > 1) return false;

  if (atom.z === 6 || (atom.z === 7 && atom.chg === 1)) {
    return doubles === 0 && degree + atom.impHs === 4;
  }
  if (atom.z === 15) return degree === 4 && doubles <= 1 && atom.impHs === 0;
  if (atom.z === 16 && degree === 3 && atom.impHs === 0) {
    return (doubles === 1 && atom.chg === 0) || (doubles === 0 && atom.chg === 1);
  }
  return false;
}

function distinctEnd(
  graph: Graph,
  near: number[][],
  ranks: number[],
  end: number,
  other: number,
): boolean {
  const atom = graph.atoms[end];
  const substituents = near[end].filter((n) => n !== other).map((n) => ranks[n]);
  const all = [...substituents, ...hydrogens(atom.impHs)];
  if (all.length === 1) return substituents.length === 1;
  return all.length === 2 && all[0] !== all[1];
}

function hydrogens(count: number): number[] {
  return Array.from({ length: count }, () => HYDROGEN_RANK);
}

/** Atoms in the smallest ring through the bond a-b; Infinity when it is in no ring. */
function ringSize(near: number[][], a: number, b: number): number {
  const distance = new Map<number, number>([[a, 0]]);
  const queue = [a];
  for (let head = 0; head < queue.length; head += 1) {
    const atom = queue[head];
    for (const next of near[atom]) {
      if ((atom === a && next === b) || distance.has(next)) continue;
      distance.set(next, (distance.get(atom) as number) + 1);
      if (next === b) return (distance.get(b) as number) + 1;
      queue.push(next);
    }
  }
  return Number.POSITIVE_INFINITY;
}

function found(atoms: number[], what: string): Hit[] {
  if (atoms.length === 0) return [];
  const message = `${plural(atoms.length, what)} (atoms ${atoms.join(', ')})`;
  return [{ message, atoms }];
}
