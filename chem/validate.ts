import type { MoleculeStatus } from '../common/types.js';
import { oversizeReason, tooManyAtomsReason, type InputLimits } from './budget.js';
import { INCHI_FAILURE, runChecks } from './checks.js';
import { activeChecks, type ActiveChecks } from './config.js';
import type { MoleculeContext } from './context.js';
import { problem, scoreOf, statusOf, type CheckConfig, type Finding } from './findings.js';
import { averageMass, hillFormula } from './formula.js';
import { readGraph } from './graph.js';
import { propertiesOf } from './properties.js';
import { clearRdkitLog, takeRdkitLog } from './rdkit.js';
import type { RDKitModule, RDKitMol } from './rdkit.js';

export { elementSymbol } from './formula.js';

/** What validating one structure found, with the computed values when it could be read. */
export interface StructureResult {
  status: MoleculeStatus;
  /** Empty for pass; the findings or the reason in plain words otherwise. */
  message: string;
  /** Stable kebab-case codes of every finding, e.g. `valence`, `multiple-fragments`. */
  issues: string[];
  /** Every finding with its severity, message and atoms. */
  findings: Finding[];
  /** 100 less 50 per critical, 20 per error and 5 per warning, clamped to 0-100. */
  score: number;
  canonicalSmiles: string | null;
  inchikey: string | null;
  /** Molecular formula in Hill order with the net charge, e.g. `C2H3NaO2` or `H4N+`. */
  formula: string | null;
  /** Average molecular weight in g/mol, rounded to 3 decimals. */
  mw: number | null;
  /** Descriptors and rule outcomes (Lipinski, Veber, Fsp3...) when the molecule was read. */
  properties: Record<string, number | boolean> | null;
}

/** How to read the text of a structure. */
export type StructureFormat = 'auto' | 'smiles' | 'molfile';

/** Options of `validateStructure`. */
export interface ValidateOptions extends InputLimits {
  /** `auto` (default) reads a molfile when the text looks like one, SMILES otherwise. */
  format?: StructureFormat;
  /** Compute the InChIKey, the slowest step; true by default. */
  inchi?: boolean;
  /** Which checks run and at which severity; every check at its default when absent. */
  checks?: CheckConfig;
  /** Compute the Lipinski, Veber and count properties; true by default. */
  properties?: boolean;
}

interface Input {
  text: string;
  format: 'smiles' | 'molfile';
}

// Lines of RDKit's invariant reports that frame the actual reason.
const LOG_NOISE =
  /^(\*+|(Pre|Post)-condition Violation|Invariant Violation|Violation occurred.*|Failed Expression.*)$/;

/** Validates one SMILES or molfile text with RDKit; never throws for a bad structure. */
export function validateStructure(
  rdkit: RDKitModule,
  structure: string,
  opts: ValidateOptions = {},
): StructureResult {
  const input = readInput(structure, opts.format ?? 'auto');
  if (input === null) return problem('error', 'blank-input', 'empty input: no structure given');

  // Very large molecules crash or hang the WASM build, so they never reach it.
  const oversize = oversizeReason(input.text, input.format, opts);
  if (oversize !== null) return problem('error', 'too-large', oversize);

  clearRdkitLog(rdkit);
  const mol = parseMol(rdkit, input, true);
  if (mol === null) return explainParseFailure(rdkit, input);

  try {
    return describeMolecule(rdkit, mol, input, opts);
  } finally {
    mol.delete();
  }
}

function readInput(structure: string, format: StructureFormat): Input | null {
  if (structure.trim() === '') return null;

  const molfile = format === 'molfile' || (format === 'auto' && looksLikeMolfile(structure));
  if (molfile) return { text: structure, format: 'molfile' };
  return { text: structure.trim(), format: 'smiles' };
}

function looksLikeMolfile(text: string): boolean {
  if (text.includes('M  END')) return true;

  const countsLine = text.split(/\r?\n/, 4)[3];
  return countsLine !== undefined && /V[23]000\s*$/.test(countsLine);
}

function parseMol(rdkit: RDKitModule, input: Input, sanitize: boolean): RDKitMol | null {
  // Molfiles keep explicit H atoms by default; drop them so the canonical
  // SMILES matches what the same molecule gives as SMILES.
  const details = input.format === 'molfile' ? { sanitize, removeHs: true } : { sanitize };
  const mol = rdkit.get_mol(input.text, JSON.stringify(details));
  if (mol === null || mol.is_valid()) return mol;

  mol.delete();
  return null;
}

function explainParseFailure(rdkit: RDKitModule, input: Input): StructureResult {
  const reason = rdkitReason(takeRdkitLog(rdkit));

  const raw = parseMol(rdkit, input, false);
  try {
    return raw === null ? unreadable(input, reason) : unsanitizable(reason);
  } finally {
    raw?.delete();
  }
}

function unreadable(input: Input, reason: string | null): StructureResult {
  const what = input.format === 'molfile' ? 'a molfile' : 'SMILES';
  const message = reason === null ? `could not be read as ${what}` : `could not be read: ${reason}`;
  const kind = reason !== null && /ring closure|unclosed ring|ring bond/i.test(reason)
    ? 'ring-closure'
    : 'syntax';
  return problem('error', 'parse-error', message, { kind });
}

// The text was read but the chemistry is impossible: an invalid structure (fail), not unread.
function unsanitizable(reason: string | null): StructureResult {
  const message = reason ?? 'RDKit could not sanitize the structure';
  const kind = reason === null ? 'other'
    : /valence/i.test(reason) ? 'valence'
      : /kekuli[sz]e/i.test(reason) ? 'kekulize' : 'other';
  return problem('fail', 'parse-error', message, { severity: 'critical', kind });
}

function describeMolecule(
  rdkit: RDKitModule,
  mol: RDKitMol,
  input: Input,
  opts: ValidateOptions,
): StructureResult {
  // RDKit reads some broken input (an unknown element in a molfile) into a dummy
  // atom and only reports it as a violated invariant in the log.
  const violation = violationReason(takeRdkitLog(rdkit));
  if (violation !== null) {
    return problem('error', 'parse-error', `could not be read: ${violation}`, { kind: 'syntax' });
  }

  // get_json throws on a molecule without atoms, so check the count first.
  const atomCount = mol.get_num_atoms();
  if (atomCount === 0) return problem('fail', 'empty', 'the structure has no atoms');
  const tooMany = tooManyAtomsReason(atomCount, opts);
  if (tooMany !== null) return problem('error', 'too-large', tooMany);

  const graph = readGraph(mol);
  const ctx: MoleculeContext = {
    rdkit, mol, graph, text: input.text, format: input.format,
    smiles: mol.get_smiles(), inchi: null, memo: new Map(), owned: [],
  };
  const inchikey = opts.inchi === false ? null : addInchi(ctx);
  let findings: Finding[];
  try {
    findings = runChecks(ctx, resolved(opts.checks));
  } finally {
    ctx.owned.forEach((owned) => owned.delete());
  }

  return {
    status: statusOf(findings),
    message: findings.map((finding) => finding.message).join('; '),
    issues: [...new Set(findings.map((finding) => finding.code))],
    findings,
    score: scoreOf(findings),
    canonicalSmiles: ctx.smiles,
    inchikey,
    formula: hillFormula(graph.atoms),
    mw: averageMass(rdkit, graph.atoms),
    properties: opts.properties === false ? null : propertiesOf(mol),
  };
}

const resolvedConfigs = new WeakMap<CheckConfig, ActiveChecks>();

/** Resolves a batch's check configuration once, not once per molecule. */
function resolved(config: CheckConfig | undefined): ActiveChecks {
  if (config === undefined) return activeChecks(undefined);

  let active = resolvedConfigs.get(config);
  if (active === undefined) resolvedConfigs.set(config, (active = activeChecks(config)));
  return active;
}

function rdkitReason(lines: string[]): string | null {
  const found = lines.find((line) => !LOG_NOISE.test(line));
  if (found === undefined) return null;

  // RDKit prints some enum values as raw characters (a NUL for a query bond type).
  // eslint-disable-next-line no-control-regex
  const reason = found.replace(/[\u0000-\u001f]/g, '?');

  const position = lines.map((line) => /around position (\d+)/.exec(line)).find((m) => m !== null);
  return position ? `${reason} (around position ${position[1]})` : reason;
}

function violationReason(lines: string[]): string | null {
  return lines.some((line) => /Violation/.test(line)) ? rdkitReason(lines) : null;
}

/** Sets the context's InChI and returns the InChIKey; a failure is left for `inchi-failed`. */
function addInchi(ctx: MoleculeContext): string | null {
  try {
    const inchi = ctx.mol.get_inchi();
    const key = inchi === '' ? '' : ctx.rdkit.get_inchikey_for_inchi(inchi);
    if (key !== '') {
      ctx.inchi = inchi;
      return key;
    }
  } catch {
    // The WASM build throws a bare WebAssembly.Exception for some structures;
    // whatever RDKit logged is the only explanation available.
  }

  const reason = rdkitReason(takeRdkitLog(ctx.rdkit));
  const message = reason === null ? 'no InChI could be generated' : `no InChI: ${reason}`;
  ctx.memo.set(INCHI_FAILURE, message);
  return null;
}
