import { alertCheck, alertPatterns } from './alerts.js';
import {
  charged,
  dummyAtom,
  fragmentPatterns,
  isotope,
  multipleFragments,
  radical,
  tooManyAtoms,
  unusualElement,
} from './composition.js';
import type { ActiveChecks } from './config.js';
import type { CheckRun, MoleculeContext } from './context.js';
import type { Finding } from './findings.js';
import type { RDKitModule } from './rdkit.js';
import { noCoordinates, overlappingAtoms, queryBond, threeDCoordinates } from './molfile.js';
import { CHECKS } from './registry.js';
import { inchiMismatch, smilesRoundTrip } from './roundtrip.js';
import { undefinedDoubleBonds, undefinedStereocentres } from './stereo.js';

/** Memo key under which the InChI step leaves its failure message. */
export const INCHI_FAILURE = 'inchiFailure';

const inchiFailed: CheckRun = (ctx) => {
  const message = ctx.memo.get(INCHI_FAILURE) as string | undefined;
  return message === undefined ? [] : [{ message }];
};

/** The code of every configurable check. */
export const CHECK_RUNS: Readonly<Record<string, CheckRun>> = {
  'multiple-fragments': multipleFragments,
  'charged': charged,
  'radical': radical,
  'isotope': isotope,
  'unusual-element': unusualElement,
  'dummy-atom': dummyAtom,
  'too-many-atoms': tooManyAtoms,
  'undefined-stereocenter': undefinedStereocentres,
  'undefined-double-bond-stereo': undefinedDoubleBonds,
  'no-coordinates': noCoordinates,
  '3d-coordinates': threeDCoordinates,
  'overlapping-atoms': overlappingAtoms,
  'query-bond': queryBond,
  'smiles-roundtrip': smilesRoundTrip,
  'inchi-mismatch': inchiMismatch,
  'inchi-failed': inchiFailed,
  'pains-a': alertCheck('pains-a'),
  'pains-b': alertCheck('pains-b'),
  'pains-c': alertCheck('pains-c'),
  'brenk': alertCheck('brenk'),
  'nih': alertCheck('nih'),
  'zinc': alertCheck('zinc'),
};

/** Runs the enabled checks on one read molecule, in registry order, at their severities. */
export function runChecks(ctx: MoleculeContext, active: ActiveChecks): Finding[] {
  const findings: Finding[] = [];
  for (const { code } of CHECKS) {
    if (!active.enabled.has(code)) continue;

    for (const hit of CHECK_RUNS[code](ctx)) {
      const finding: Finding = { code, severity: active.severity[code], message: hit.message };
      if (hit.atoms !== undefined && hit.atoms.length > 0) finding.atoms = hit.atoms;
      findings.push(finding);
    }
  }
  return findings;
}

/** Compiles the SMARTS the checks use, so that no record's time budget pays for it. */
export function prepareChecks(rdkit: RDKitModule): void {
  alertPatterns(rdkit);
  fragmentPatterns(rdkit);
}
