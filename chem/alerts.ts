import type { CheckRun, Hit, MoleculeContext } from './context.js';
import { memo } from './context.js';
import {
  compilePatterns,
  perModule,
  readPatternFile,
  type Pattern,
} from './patterns.js';
import type { RDKitModule } from './rdkit.js';

/** The alert catalogs: check code, file under chem/alerts/ and the name messages use. */
export const ALERT_CATALOGS = [
  { code: 'pains-a', file: 'pains-a.tsv', label: 'PAINS A' },
  { code: 'pains-b', file: 'pains-b.tsv', label: 'PAINS B' },
  { code: 'pains-c', file: 'pains-c.tsv', label: 'PAINS C' },
  { code: 'brenk', file: 'brenk.tsv', label: 'Brenk' },
  { code: 'nih', file: 'nih.tsv', label: 'NIH' },
  { code: 'zinc', file: 'zinc.tsv', label: 'ZINC' },
] as const;

/** A pattern with the pattern-fingerprint bytes a molecule must have for it to match. */
interface ScreenedPattern extends Pattern {
  /** Pairs of byte offset and bits, only the non-zero bytes of the query's fingerprint. */
  screen: Array<[number, number]>;
}

const catalogs = perModule((rdkit: RDKitModule) =>
  new Map(ALERT_CATALOGS.map((catalog) => [
    catalog.code,
    compilePatterns(rdkit, readPatternFile(`alerts/${catalog.file}`)).map(withScreen),
  ])));

function withScreen(pattern: Pattern): ScreenedPattern {
  const bytes = pattern.query.get_pattern_fp_as_uint8array() as Uint8Array;
  const screen: Array<[number, number]> = [];
  bytes.forEach((bits, offset) => {
    if (bits !== 0) screen.push([offset, bits]);
  });
  return { ...pattern, screen };
}

/** The check of one alert catalog: one hit per alert the molecule matches. */
export function alertCheck(code: (typeof ALERT_CATALOGS)[number]['code']): CheckRun {
  const { label } = ALERT_CATALOGS.find((catalog) => catalog.code === code) as
    (typeof ALERT_CATALOGS)[number];
  return (ctx) => {
    const patterns = catalogs(ctx.rdkit).get(code) as ScreenedPattern[];
    const fp = fingerprint(ctx);

    const hits: Hit[] = [];
    for (const pattern of patterns) {
      // A substructure sets every bit of its pattern fingerprint in the molecule's.
      if (!pattern.screen.every(([offset, bits]) => (fp[offset] & bits) === bits)) continue;

      const atoms = alertMatch(ctx, pattern);
      if (atoms !== null) hits.push({ message: `${label} alert ${pattern.name}`, atoms });
    }
    return hits;
  };
}

function fingerprint(ctx: MoleculeContext): Uint8Array {
  return memo(ctx, 'patternFp', () => ctx.mol.get_pattern_fp_as_uint8array() as Uint8Array);
}

/** Atoms of the first match when the pattern matches more often than it may; else null. */
function alertMatch(ctx: MoleculeContext, pattern: Pattern): number[] | null {
  const needed = pattern.maxCount + 1;
  const details = JSON.stringify({ maxMatches: needed });
  const json = ctx.mol.get_substruct_matches(pattern.query, details);
  if (json === '{}') return null;

  const matches = JSON.parse(json) as Array<{ atoms: number[] }>;
  return matches.length >= needed ? matches[0].atoms : null;
}
