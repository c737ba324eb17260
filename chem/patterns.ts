import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RDKitModule, RDKitMol } from './rdkit.js';

/** One SMARTS pattern of a data file, compiled for one RDKit module. */
export interface Pattern {
  name: string;
  smarts: string;
  /** Matches allowed before the pattern counts as found; 0 for most. */
  maxCount: number;
  query: RDKitMol;
}

/** A row of a pattern file: name, SMARTS and an optional allowed count. */
export interface PatternRow {
  name: string;
  smarts: string;
  maxCount: number;
}

/** Path of a data file under chem/, from source or from the compiled dist/chem. */
export function chemDataPath(name: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const compiled = basename(dirname(here)) === 'dist';
  return join(compiled ? join(dirname(dirname(here)), 'chem') : here, name);
}

/** Reads a tab-separated pattern file; `//` lines are comments. */
export function readPatternFile(name: string): PatternRow[] {
  const path = chemDataPath(name);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  return lines.flatMap((line, index) => {
    if (line.trim() === '' || line.startsWith('//')) return [];

    const [rowName, smarts, max] = line.split('\t');
    if (!rowName || !smarts) throw new Error(`${path}:${index + 1}: expected NAME<TAB>SMARTS`);
    return [{ name: rowName, smarts, maxCount: max ? Number(max) : 0 }];
  });
}

/** Compiles pattern rows on one RDKit module; a SMARTS RDKit rejects is an error naming it. */
export function compilePatterns(rdkit: RDKitModule, rows: PatternRow[]): Pattern[] {
  return rows.map((row) => {
    const query = rdkit.get_qmol(row.smarts);
    if (query === null || !query.is_valid()) {
      query?.delete();
      throw new Error(`RDKit cannot read the SMARTS of pattern ${row.name}: ${row.smarts}`);
    }
    return { ...row, query };
  });
}

/** Atom index lists of every match of the pattern, unique up to atom order. */
export function matchesOf(mol: RDKitMol, pattern: Pattern): number[][] {
  const json = mol.get_substruct_matches(pattern.query);
  if (json === '{}') return [];
  return (JSON.parse(json) as Array<{ atoms: number[] }>).map((match) => match.atoms);
}

/** Caches one value per RDKit module: query molecules belong to the module that made them. */
export function perModule<T>(make: (rdkit: RDKitModule) => T): (rdkit: RDKitModule) => T {
  const cache = new WeakMap<RDKitModule, T>();
  return (rdkit) => {
    let value = cache.get(rdkit);
    if (value === undefined) {
      value = make(rdkit);
      cache.set(rdkit, value);
    }
    return value;
  };
}
