import type { MoleculeStatus, Severity } from '../common/types.js';
import type { StructureResult } from './validate.js';

export type { CheckConfig, Severity } from '../common/types.js';

/** One finding on a molecule: a stable kebab-case code, its severity and its text. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Indexes of the atoms involved, when the finding is about particular atoms. */
  atoms?: number[];
  /** What kind of parse error: `valence`, `kekulize`, `ring-closure`, `syntax` or `other`. */
  kind?: string;
}

/** Score points lost per finding of each severity; the score starts at 100. */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = {
  info: 0,
  warning: 5,
  error: 20,
  critical: 50,
};

/** The 0-100 score of a molecule's findings: 100 less the penalties, clamped. */
export function scoreOf(findings: readonly Finding[]): number {
  const lost = findings.reduce((sum, f) => sum + SEVERITY_PENALTY[f.severity], 0);
  return Math.max(0, Math.min(100, 100 - lost));
}

/** The status of a readable molecule: fail on any error or critical, warn on warnings. */
export function statusOf(findings: readonly Finding[]): MoleculeStatus {
  if (findings.some((f) => f.severity === 'error' || f.severity === 'critical')) return 'fail';
  return findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
}

/** The result of a structure that stops at one finding: unread (error) or invalid (fail). */
export function problem(
  status: MoleculeStatus,
  code: string,
  message: string,
  detail: { severity?: Severity; kind?: string } = {},
): StructureResult {
  const severity: Severity = detail.severity ?? (status === 'error' ? 'critical' : 'error');
  const finding: Finding = detail.kind ? { code, severity, message, kind: detail.kind } :
    { code, severity, message };
  // An unreadable record has nothing to score.
  const score = status === 'error' ? 0 : scoreOf([finding]);
  return {
    status,
    message,
    issues: [code],
    findings: [finding],
    score,
    canonicalSmiles: null,
    inchikey: null,
    formula: null,
    mw: null,
    properties: null,
  };
}
