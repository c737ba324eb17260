import type { Finding } from './findings.js';
import { countFragments, netCharge, type Graph } from './graph.js';

/** The warning-level findings of a readable molecule. */
export function findWarnings(graph: Graph): Finding[] {
  const findings: Finding[] = [];

  const fragments = countFragments(graph);
  if (fragments > 1) {
    findings.push(warning('multiple-fragments', `${fragments} disconnected fragments`));
  }

  const charge = netCharge(graph.atoms);
  if (charge !== 0) findings.push(warning('charged', `net charge ${signed(charge)}`));

  const radicals = graph.atoms.reduce((sum, atom) => sum + atom.nRad, 0);
  if (radicals > 0) findings.push(warning('radical', plural(radicals, 'radical electron')));

  const labelled = graph.atoms.filter((atom) => atom.isotope > 0).length;
  if (labelled > 0) {
    findings.push(warning('isotope', `isotope label on ${plural(labelled, 'atom')}`));
  }
  return findings;
}

function warning(code: string, message: string): Finding {
  return { code, severity: 'warning', message };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
