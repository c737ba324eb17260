import type { Graph } from './graph.js';
import type { RDKitModule, RDKitMol } from './rdkit.js';

/** What every check of one molecule may read; built once per molecule. */
export interface MoleculeContext {
  rdkit: RDKitModule;
  mol: RDKitMol;
  graph: Graph;
  /** The text as given and how it was read. */
  text: string;
  format: 'smiles' | 'molfile';
  /** Canonical SMILES of the molecule. */
  smiles: string;
  /** Standard InChI, or null when it was not computed or could not be. */
  inchi: string | null;
  /** Values that several checks share, computed on first use. */
  memo: Map<string, unknown>;
  /** Molecules made while checking (a copy with explicit Hs); freed with the molecule. */
  owned: RDKitMol[];
}

/** One thing a check found: its message and the atoms involved. */
export interface Hit {
  message: string;
  atoms?: number[];
}

/** A check's code: it reads the molecule and returns what it found. */
export type CheckRun = (ctx: MoleculeContext) => Hit[];

/** Computes a shared value once per molecule. */
export function memo<T>(ctx: MoleculeContext, key: string, compute: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, compute());
  return ctx.memo.get(key) as T;
}

/** `n noun` with an `s` when n is not 1. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
