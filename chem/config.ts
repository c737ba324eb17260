import { z } from 'zod';
import type { CheckConfig, Severity } from './findings.js';
import { CHECK_CODES, CHECKS, DEFAULT_SEVERITY } from './registry.js';

/** The checks one batch runs, resolved from its `CheckConfig`. */
export interface ActiveChecks {
  /** Codes to run. */
  enabled: ReadonlySet<string>;
  /** Severity of each code. */
  severity: Readonly<Record<string, Severity>>;
}

const code = z.string().refine((value) => CHECK_CODES.has(value), (value) => ({
  message: `unknown check code "${value}"; known codes: ${[...CHECK_CODES].join(', ')}`,
}));
const severity = z.enum(['info', 'warning', 'error', 'critical']);

const schema = z.object({
  only: z.array(code).optional(),
  skip: z.array(code).optional(),
  severity: z.record(code, severity).optional(),
}).strict();

/** Checks a batch's check configuration; throws an error naming the first bad entry. */
export function parseCheckConfig(input: unknown): CheckConfig {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const where = issue.path.length > 0 ? ` at checks.${issue.path.join('.')}` : '';
  throw new Error(`invalid check configuration${where}: ${issue.message}`);
}

/** Resolves a check configuration (validated here) into the checks to run. */
export function activeChecks(config: CheckConfig | undefined): ActiveChecks {
  if (config === undefined) return DEFAULTS;

  const { only, skip = [], severity: overrides = {} } = parseCheckConfig(config);
  const chosen = only ?? CHECKS.map((check) => check.code);
  return {
    enabled: new Set(chosen.filter((c) => !skip.includes(c))),
    severity: { ...DEFAULT_SEVERITY, ...overrides },
  };
}

const DEFAULTS: ActiveChecks = {
  enabled: new Set(CHECKS.map((check) => check.code)),
  severity: DEFAULT_SEVERITY,
};
