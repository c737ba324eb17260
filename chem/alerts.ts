import type { CheckRun, Hit, MoleculeContext } from './context.js';
import { memo } from './context.js';
import {
  compilePatterns,
  perModule,
  readPatternFile,
  type Pattern,
} from './patterns.js';
import type { RDKitModule, RDKitMol } from './rdkit.js';
import { smartsNeeds } from './smarts-needs.js';

/** The alert catalogs: check code, file under chem/alerts/ and the name messages use. */
export const ALERT_CATALOGS = [
  { code: 'pains-a', file: 'pains-a.tsv', label: 'PAINS A' },
  { code: 'pains-b', file: 'pains-b.tsv', label: 'PAINS B' },
  { code: 'pains-c', file: 'pains-c.tsv', label: 'PAINS C' },
  { code: 'brenk', file: 'brenk.tsv', label: 'Brenk' },
  { code: 'nih', file: 'nih.tsv', label: 'NIH' },
  { code: 'zinc', file: 'zinc.tsv', label: 'ZINC' },
] as const;

/** Code of one alert catalog check. */
export type AlertCode = (typeof ALERT_CATALOGS)[number]['code'];

/** A compiled alert with what a molecule must have before it is worth matching. */
export interface ScreenedPattern extends Pattern {
  /** Pairs of byte offset and bits: the non-zero bytes of the query's pattern fingerprint. */
  screen: Array<[number, number]>;
  /** Pairs of atomic number and least count that any match uses. */
  elements: Array<[number, number]>;
  /** Sets of atomic numbers of which the molecule needs at least one atom each. */
  anyOf: number[][];
  /** The SMARTS has hydrogen atoms, so it is matched on a copy with explicit Hs. */
  explicitHydrogen: boolean;
}

/** The screened patterns of every catalog, built once per RDKit module (thread). */
export const alertPatterns = perModule((rdkit: RDKitModule) =>
  new Map(ALERT_CATALOGS.map((catalog) => [
    catalog.code as string,
    compilePatterns(rdkit, readPatternFile(`alerts/${catalog.file}`)).map(withScreen),
  ])));

function withScreen(pattern: Pattern): ScreenedPattern {
  const needs = smartsNeeds(pattern.smarts);
  const screen: Array<[number, number]> = [];
  // The molecule's fingerprint is taken without H atoms, so it cannot screen H queries.
  if (!needs.explicitHydrogen) {
    const bytes = pattern.query.get_pattern_fp_as_uint8array() as Uint8Array;
    bytes.forEach((bits, offset) => {
      if (bits !== 0) screen.push([offset, bits]);
    });
  }
  return {
    ...pattern,
    screen,
    elements: [...needs.elements],
    anyOf: needs.anyOf,
    explicitHydrogen: needs.explicitHydrogen,
  };
}

/** The check of one alert catalog: one hit per alert the molecule matches. */
export function alertCheck(code: AlertCode): CheckRun {
  const { label } = ALERT_CATALOGS.find((catalog) => catalog.code === code) as
    (typeof ALERT_CATALOGS)[number];
  return (ctx) => {
    const patterns = alertPatterns(ctx.rdkit).get(code) as ScreenedPattern[];
    const hits: Hit[] = [];
    for (const pattern of patterns) {
      if (!mayMatch(ctx, pattern)) continue;

      const atoms = alertMatch(ctx, pattern);
      if (atoms !== null) hits.push({ message: `${label} alert ${pattern.name}`, atoms });
    }
    return hits;
  };
}

/** False when the molecule lacks an element or a fingerprint bit that every match needs. */
export function mayMatch(ctx: MoleculeContext, pattern: ScreenedPattern): boolean {
  const counts = elementCounts(ctx);
  if (!pattern.elements.every(([z, n]) => (counts.get(z) ?? 0) >= n)) return false;
  if (!pattern.anyOf.every((choices) => choices.some((z) => counts.has(z)))) return false;
  if (pattern.screen.length === 0) return true;

  // A substructure sets every bit of its pattern fingerprint in the molecule's.
  const fp = fingerprint(ctx);
  return pattern.screen.every(([offset, bits]) => (fp[offset] & bits) === bits);
}

function elementCounts(ctx: MoleculeContext): Map<number, number> {
  return memo(ctx, 'atomicNumbers', () => {
    const counts = new Map<number, number>();
    for (const { z } of ctx.graph.atoms) counts.set(z, (counts.get(z) ?? 0) + 1);
    return counts;
  });
}

function fingerprint(ctx: MoleculeContext): Uint8Array {
  return memo(ctx, 'patternFp', () => ctx.mol.get_pattern_fp_as_uint8array() as Uint8Array);
}

/** The molecule with its hydrogens as atoms, made on first need and freed with the molecule. */
function withHydrogens(ctx: MoleculeContext): RDKitMol {
  return memo(ctx, 'explicitHs', () => {
    const copy = ctx.mol.copy();
    if (copy === null) throw new Error('RDKit could not copy the molecule');
    ctx.owned.push(copy);
    copy.add_hs_in_place();
    return copy;
  });
}

/** Atoms of the first match when the pattern matches more often than it may; else null. */
function alertMatch(ctx: MoleculeContext, pattern: ScreenedPattern): number[] | null {
  const target = pattern.explicitHydrogen ? withHydrogens(ctx) : ctx.mol;
  const needed = pattern.maxCount + 1;
  const json = needed === 1
    ? target.get_substruct_match(pattern.query)
    : target.get_substruct_matches(pattern.query, JSON.stringify({ maxMatches: needed }));
  if (json === '{}' || json === '[]') return null;

  const parsed = JSON.parse(json) as { atoms: number[] } | Array<{ atoms: number[] }>;
  const matches = Array.isArray(parsed) ? parsed : [parsed];
  if (matches.length < needed) return null;

  // Added hydrogens come after the molecule's own atoms; findings name only those.
  const heavy = ctx.graph.atoms.length;
  return matches[0].atoms.filter((atom) => atom < heavy);
}
