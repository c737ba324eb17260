import type { RDKitMol } from './rdkit.js';

/** Per-molecule properties: Lipinski and Veber inputs and outcomes, Fsp3, counts. */
export type Properties = Record<string, number | boolean>;

// The subset of RDKit's get_descriptors() answer that molbatch reports.
interface Descriptors {
  amw: number;
  CrippenClogP: number;
  lipinskiHBD: number;
  lipinskiHBA: number;
  NumRotatableBonds: number;
  tpsa: number;
  FractionCSP3: number;
  NumHeavyAtoms: number;
  NumRings: number;
  NumAromaticRings: number;
}

/** Lipinski's rule of five: each limit a molecule exceeds counts one violation. */
export const LIPINSKI_LIMITS = { mw: 500, clogp: 5, hbd: 5, hba: 10 } as const;

/** Veber's limits for oral bioavailability: rotatable bonds and polar surface area. */
export const VEBER_LIMITS = { rotatableBonds: 10, tpsa: 140 } as const;

/** Computes the reported properties with RDKit's own descriptor definitions. */
export function propertiesOf(mol: RDKitMol): Properties {
  const d = JSON.parse(mol.get_descriptors()) as Descriptors;
  const violations = [
    d.amw > LIPINSKI_LIMITS.mw,
    d.CrippenClogP > LIPINSKI_LIMITS.clogp,
    d.lipinskiHBD > LIPINSKI_LIMITS.hbd,
    d.lipinskiHBA > LIPINSKI_LIMITS.hba,
  ].filter(Boolean).length;
  const veber = d.NumRotatableBonds <= VEBER_LIMITS.rotatableBonds && d.tpsa <= VEBER_LIMITS.tpsa;

  return {
    mw: round(d.amw),
    clogp: round(d.CrippenClogP),
    hbd: d.lipinskiHBD,
    hba: d.lipinskiHBA,
    lipinskiViolations: violations,
    lipinski: violations <= 1,
    rotatableBonds: d.NumRotatableBonds,
    tpsa: round(d.tpsa),
    veber,
    fsp3: round(d.FractionCSP3),
    heavyAtoms: d.NumHeavyAtoms,
    rings: d.NumRings,
    aromaticRings: d.NumAromaticRings,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
