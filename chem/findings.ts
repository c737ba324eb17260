import type { MoleculeStatus } from '../common/types.js';
import type { StructureResult } from './validate.js';

/** How much a finding matters; it sets the status and the score. */
export type Severity = 'info' | 'warning' | 'error' | 'critical';

/** One finding on a molecule: a stable kebab-case code, its severity and its text. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Indexes of the atoms involved, when the finding is about particular atoms. */
  atoms?: number[];
}

/** Which checks a batch runs and at which severity; every default check when absent. */
export interface CheckConfig {
  /** Run only these checks. */
  only?: string[];
  /** Run every check but these. */
  skip?: string[];
  /** Severity overrides by check code. */
  severity?: Record<string, Severity>;
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
export function problem(status: MoleculeStatus, code: string, message: string): StructureResult {
  const severity: Severity = status === 'error' ? 'critical' : 'error';
  // An unreadable record has nothing to score.
  const score = status === 'error' ? 0 : scoreOf([{ code, severity, message }]);
  return {
    status,
    message,
    issues: [code],
    findings: [{ code, severity, message }],
    score,
    canonicalSmiles: null,
    inchikey: null,
    formula: null,
    mw: null,
    properties: null,
  };
}
