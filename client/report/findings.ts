import type { Finding, Severity } from '../../chem/findings.js';

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

/** Reads a result row's findings (parsed or as JSON); anything malformed is skipped. */
export function parseFindings(stored: unknown): Finding[] {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.filter(isFinding).map(normalize) : [];
}

/**
 * The atoms a molecule's findings point at: those they carry, or for RDKit's
 * sanitization messages the atoms the message names (valence: "atom # 3";
 * kekulize: "Unkekulized atoms: 0 1 2").
 */
export function offendingAtoms(findings: readonly Finding[]): number[] {
  const atoms = new Set<number>();
  for (const finding of findings) {
    const known = finding.atoms ?? atomsNamedIn(finding.message);
    known.forEach((atom) => atoms.add(atom));
  }
  return [...atoms].sort((a, b) => a - b);
}

function atomsNamedIn(message: string): number[] {
  const valence = /atom # ?(\d+)/i.exec(message);
  if (valence) return [Number(valence[1])];

  const kekulize = /unkekulized atoms:((?:\s+\d+)+)/i.exec(message);
  if (kekulize) return kekulize[1].trim().split(/\s+/).map(Number);
  return [];
}

function isFinding(value: unknown): value is Finding {
  if (typeof value !== 'object' || value === null) return false;

  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

function normalize(finding: Finding): Finding {
  const severity = SEVERITIES.includes(finding.severity) ? finding.severity : 'warning';
  const atoms = Array.isArray(finding.atoms)
    ? finding.atoms.filter((atom) => Number.isInteger(atom) && atom >= 0)
    : undefined;
  return { code: finding.code, severity, message: finding.message, atoms };
}
