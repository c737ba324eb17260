import type { MoleculeStatus } from '../common/types.js';
import { oversizeReason, tooManyAtomsReason, type InputLimits } from './budget.js';
import { INCHI_FAILURE, runChecks } from './checks.js';
import { activeChecks, type ActiveChecks } from './config.js';
import type { MoleculeContext } from './context.js';
import { problem, scoreOf, statusOf, type CheckConfig, type Finding } from './findings.js';
import { averageMass, hillFormula } from './formula.js';
import { readGraph } from './graph.js';
import { propertiesOf } from './properties.js';
import {
  explainParseFailure, parseMol, rdkitReason, readInput, violationReason,
  type Input, type StructureFormat,
} from './reading.js';
import { clearRdkitLog, takeRdkitLog } from './rdkit.js';
import type { RDKitModule, RDKitMol } from './rdkit.js';

export { elementSymbol } from './formula.js';
export type { StructureFormat } from './reading.js';

/** What validating one structure found, with the computed values when it could be read. */
export interface StructureResult {
  status: MoleculeStatus;
  /** Empty for pass; the findings or the reason in plain words otherwise. */
  message: string;
  /** Stable kebab-case codes of every finding, e.g. `parse-error`, `multiple-fragments`. */
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
