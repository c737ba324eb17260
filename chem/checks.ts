import { countFragments, netCharge, type Graph } from './graph.js';

/** One finding on a molecule: a stable kebab-case code and its text. */
export interface Finding {
  code: string;
  text: string;
}

/** The warning-level findings of a readable molecule. */
export function findWarnings(graph: Graph): Finding[] {
  const findings: Finding[] = [];

  const fragments = countFragments(graph);
  if (fragments > 1) {
    findings.push({ code: 'multiple-fragments', text: `${fragments} disconnected fragments` });
  }

  const charge = netCharge(graph.atoms);
  if (charge !== 0) findings.push({ code: 'charged', text: `net charge ${signed(charge)}` });

  const radicals = graph.atoms.reduce((sum, atom) => sum + atom.nRad, 0);
  if (radicals > 0) findings.push({ code: 'radical', text: plural(radicals, 'radical electron') });

  const labelled = graph.atoms.filter((atom) => atom.isotope > 0).length;
  if (labelled > 0) {
    findings.push({ code: 'isotope', text: `isotope label on ${plural(labelled, 'atom')}` });
  }
  return findings;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
