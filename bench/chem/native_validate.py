"""One structure through the default check set on native RDKit, as chem/validate.ts does it."""
from rdkit import Chem
from rdkit.Chem import Crippen, Descriptors
from rdkit.Chem import rdMolDescriptors as rdmd

import native_checks as checks
from native_inchi import add_inchi, inchi_failed, inchi_mismatch

MAX_INPUT_LENGTH = 20_000
MAX_ATOMS = 1_000
PENALTY = {'info': 0, 'warning': 5, 'error': 20, 'critical': 50}
LIPINSKI = {'mw': 500, 'clogp': 5, 'hbd': 5, 'hba': 10}
VEBER = {'rotatable_bonds': 10, 'tpsa': 140}
MOLFILE_CODES = ('no-coordinates', '3d-coordinates', 'overlapping-atoms', 'query-bond')


def runs(fragments, alerts):
    """The check of every code chem/registry.ts lists, bound to this process's patterns."""
    table = {
        'multiple-fragments': lambda m: checks.multiple_fragments(m, fragments),
        'charged': checks.charged, 'radical': checks.radical, 'isotope': checks.isotope,
        'unusual-element': lambda m: checks.unusual_element(m, fragments),
        'dummy-atom': checks.dummy_atom,
        'too-many-atoms': checks.too_many_atoms,
        'undefined-stereocenter': checks.undefined_stereocentres,
        'undefined-double-bond-stereo': checks.undefined_double_bonds,
        'smiles-roundtrip': checks.smiles_roundtrip,
        'inchi-mismatch': inchi_mismatch, 'inchi-failed': inchi_failed,
    }
    for code in MOLFILE_CODES:
        table[code] = checks.no_molfile
    for code, _, _ in checks.ALERT_CATALOGS:
        run = checks.alert_check(code)
        table[code] = lambda m, run=run: run(m, alerts)
    return table


def validate(smiles, registry, table):
    """The result of one SMILES: status, findings, score, identifiers and properties."""
    text = smiles.strip()
    if text == '':
        return problem('error', 'blank-input', 'empty input: no structure given')
    if len(text) > MAX_INPUT_LENGTH:
        return problem('error', 'too-large', f'the SMILES has {len(text)} characters')
    mol = Chem.MolFromSmiles(text)
    if mol is None:
        return parse_failure(text)
    if mol.GetNumAtoms() == 0:
        return problem('fail', 'empty', 'the structure has no atoms')
    if mol.GetNumAtoms() > MAX_ATOMS:
        return problem('error', 'too-large', f'the structure has {mol.GetNumAtoms()} atoms')
    try:
        return describe(checks.Molecule(mol), registry, table)
    except (RuntimeError, ValueError) as err:
        # As chem/thread.ts does: RDKit failing on one structure is that structure's result.
        return problem('error', 'rdkit-exception', f'RDKit failed on this structure: {err}')


def describe(m, registry, table):
    """Checks, score and descriptors of a molecule RDKit read."""
    inchikey = add_inchi(m)
    findings = []
    for code, severity in registry:
        for message, atoms in table[code](m):
            finding = {'code': code, 'severity': severity, 'message': message}
            if atoms:
                finding['atoms'] = atoms
            findings.append(finding)
    props = properties(m.mol)
    return {
        'status': status_of(findings), 'message': '; '.join(f['message'] for f in findings),
        'issues': list(dict.fromkeys(f['code'] for f in findings)), 'findings': findings,
        'score': score_of(findings), 'canonicalSmiles': m.smiles, 'inchikey': inchikey,
        'formula': checks.formula_of(m.mol), 'mw': props['mw'], 'properties': props,
    }


def properties(mol):
    """Lipinski and Veber inputs and outcomes, Fsp3 and ring counts, as chem/properties.ts."""
    mw, clogp = Descriptors.MolWt(mol), Crippen.MolLogP(mol)
    hbd, hba = rdmd.CalcNumLipinskiHBD(mol), rdmd.CalcNumLipinskiHBA(mol)
    rotatable, tpsa = rdmd.CalcNumRotatableBonds(mol), rdmd.CalcTPSA(mol)
    violations = sum([mw > LIPINSKI['mw'], clogp > LIPINSKI['clogp'],
                      hbd > LIPINSKI['hbd'], hba > LIPINSKI['hba']])
    return {
        'mw': round(mw, 3), 'clogp': round(clogp, 3), 'hbd': hbd, 'hba': hba,
        'lipinskiViolations': violations, 'lipinski': violations <= 1,
        'rotatableBonds': rotatable, 'tpsa': round(tpsa, 3),
        'veber': rotatable <= VEBER['rotatable_bonds'] and tpsa <= VEBER['tpsa'],
        'fsp3': round(rdmd.CalcFractionCSP3(mol), 3), 'heavyAtoms': mol.GetNumHeavyAtoms(),
        'rings': rdmd.CalcNumRings(mol), 'aromaticRings': rdmd.CalcNumAromaticRings(mol),
    }


def parse_failure(text):
    """A SMILES RDKit cannot read (error) or can read but not sanitize (fail)."""
    raw = Chem.MolFromSmiles(text, sanitize=False)
    if raw is None:
        return problem('error', 'parse-error', 'could not be read as SMILES', 'syntax')
    found = Chem.DetectChemistryProblems(raw)
    kind = 'other'
    if found and 'Valence' in found[0].GetType():
        kind = 'valence'
    elif found and 'Kekulize' in found[0].GetType():
        kind = 'kekulize'
    message = found[0].Message() if found else 'RDKit could not sanitize the structure'
    return problem('fail', 'parse-error', message, kind, 'critical')


def problem(status, code, message, kind=None, severity=None):
    """A result that stops at one finding."""
    default = 'critical' if status == 'error' else 'error'
    finding = {'code': code, 'severity': severity or default, 'message': message}
    if kind:
        finding['kind'] = kind
    return {
        'status': status, 'message': message, 'issues': [code], 'findings': [finding],
        'score': 0 if status == 'error' else score_of([finding]), 'canonicalSmiles': None,
        'inchikey': None, 'formula': None, 'mw': None, 'properties': None,
    }


def score_of(findings):
    """100 less the penalties, clamped to 0-100."""
    return max(0, min(100, 100 - sum(PENALTY[f['severity']] for f in findings)))


def status_of(findings):
    """fail on any error or critical finding, warn on warnings, pass otherwise."""
    if any(f['severity'] in ('error', 'critical') for f in findings):
        return 'fail'
    return 'warn' if any(f['severity'] == 'warning' for f in findings) else 'pass'


KNOWN_CODES = frozenset(runs([], {code: ('', []) for code, _, _ in checks.ALERT_CATALOGS}))
