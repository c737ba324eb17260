import type { Severity } from './findings.js';

/** A named check: its stable code, default severity and why that default. */
export interface CheckInfo {
  code: string;
  severity: Severity;
  /** What the check finds, in a few words. */
  finds: string;
  /** Why the default severity is what it is. */
  reason: string;
}

/** Findings that end reading; they always run and are not configurable. */
export const READING_CHECKS: readonly CheckInfo[] = [
  info('parse-error', 'critical', 'text RDKit cannot read or sanitize, with its kind',
    'nothing trustworthy can be computed from a structure RDKit rejects'),
  info('empty', 'error', 'a structure with no atoms',
    'a record without atoms registers nothing; the source lost the structure'),
];

/** Codes of records that never reach the checks; not configurable. */
export const RECORD_CODES: readonly CheckInfo[] = [
  info('blank-input', 'critical', 'a record with an empty structure field',
    'nothing was given to validate'),
  info('too-large', 'critical', 'a SMILES, molfile or molecule over the size limits',
    'very large input crashes or stalls RDKit (WASM); it gets a result of its own instead'),
  info('time-budget', 'critical', 'a structure RDKit did not finish within the time budget',
    'one pathological record must not hold up the batch; its thread is replaced'),
  info('rdkit-exception', 'critical', 'a structure on which RDKit itself failed',
    'a crash is data about that record; RDKit is restarted for the rest'),
  info('unreadable-record', 'critical', 'a row or SD record that could not be read',
    'the record is kept with its line or record number so that nothing is dropped'),
  info('name-not-converted', 'critical', 'a name OPSIN could not convert to a structure',
    'without a structure there is nothing to check; OPSIN says why'),
  info('opsin-warning', 'warning', 'a name OPSIN converted with a warning (stereo, radicals)',
    'the structure may not be quite what the name meant'),
];

/** The configurable checks, in the order they run. */
export const CHECKS: readonly CheckInfo[] = [
  info('multiple-fragments', 'warning', 'disconnected fragments, naming known salts and solvents',
    'salts and solvates are normal in a collection, but the parent must be chosen before use'),
  info('charged', 'warning', 'a net formal charge other than zero',
    'often a missing counterion; a real ion (quaternary ammonium) is still valid'),
  info('radical', 'warning', 'atoms with unpaired electrons',
    'nearly always a drawing error (a missing H), rarely a real radical'),
  info('isotope', 'warning', 'isotope labels',
    'labels are left in by mistake more often than meant in screening data'),
  info('unusual-element', 'warning', 'elements outside H B C N O F Si P S Cl Se Br I',
    'metals and noble gases are valid chemistry but unusual in small-molecule sets'),
  info('dummy-atom', 'error', 'dummy, R-group or query atoms (*, R, A, Q)',
    'a structure with placeholders is a template, not a molecule'),
  info('too-many-atoms', 'warning', 'more than 150 heavy atoms',
    'beyond small-molecule space (peptides, polymers) the other rules stop meaning much'),
  info('undefined-stereocenter', 'warning',
    'tetrahedral centres (C, N+, P, S) without a configuration',
    'an undefined centre may mean a racemate or a lost wedge; the record cannot tell'),
  info('undefined-double-bond-stereo', 'warning', 'double bonds that could be E/Z but are not set',
    'as for centres: a mixture or a lost configuration'),
  info('no-coordinates', 'warning', 'a molfile whose atoms all sit at the origin',
    'the drawing is lost; the connection table still defines the molecule'),
  info('3d-coordinates', 'info', 'a molfile with 3D coordinates',
    'valid input; worth knowing when a 2D depiction is expected'),
  info('overlapping-atoms', 'warning', 'molfile atoms closer than a tenth of a bond length',
    'a sign of a merged or broken drawing; wedges there are unreliable'),
  info('query-bond', 'error', 'molfile query bond types (single or double, any...)',
    'a query bond has no definite order, so the molecule is not defined'),
  info('smiles-roundtrip', 'error', 'canonical SMILES that does not read back the same',
    'the SMILES stored for the record would describe another molecule'),
  info('inchi-mismatch', 'warning', 'InChI formula or charge layers that disagree with the atoms',
    'the InChI normalised something away (a metal bond, a proton); the key may mislead'),
  info('inchi-failed', 'warning', 'no InChI could be generated',
    'the record keeps its SMILES but cannot be matched by InChIKey'),
  info('pains-a', 'warning', 'PAINS family A substructures (Baell and Holloway 2010)',
    'assay interference: a hit with this motif is probably an artefact'),
  info('pains-b', 'warning', 'PAINS family B substructures',
    'as PAINS A, from fewer frequent hitters'),
  info('pains-c', 'warning', 'PAINS family C substructures',
    'as PAINS A, from the fewest frequent hitters'),
  info('brenk', 'info', 'Brenk unwanted-functionality substructures (Brenk 2008)',
    'library-design advice; about a third of approved drugs match one, so it only informs'),
  info('nih', 'info', 'NIH MLSMR excluded functionality (Jadhav 2010)',
    'reactive or undesirable groups for screening; advice, not a defect'),
  info('zinc', 'info', 'ZINC drug-likeness filters (Irwin 2005)',
    'purchasability and size rules of a library, not a defect of the structure'),
];

/** Every check code that a `CheckConfig` may name. */
export const CHECK_CODES: ReadonlySet<string> = new Set(CHECKS.map((check) => check.code));

/** The default severity of each configurable check. */
export const DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = Object.fromEntries(
  CHECKS.map((check) => [check.code, check.severity]),
);

function info(code: string, severity: Severity, finds: string, reason: string): CheckInfo {
  return { code, severity, finds, reason };
}
