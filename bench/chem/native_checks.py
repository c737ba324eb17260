"""The default check set of chem/ written on native RDKit, for bench/chem to time beside WASM.

Each check follows the rule of its namesake in chem/ (same SMARTS files, same thresholds), with
RDKit's Python API where chem/ goes through the WASM build's JSON.
"""
import re
from pathlib import Path

from rdkit import Chem, DataStructs
from rdkit.Chem import rdMolDescriptors as rdmd

from native_stereo import undefined_double_bonds, undefined_stereocentres

# H B C N O F Si P S Cl Se Br I, as chem/composition.ts.
ORGANIC = {1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 34, 35, 53}
MAX_HEAVY_ATOMS = 150
FP_SIZE = 2048
# Which SMARTS have hydrogen atoms of their own, as chem/smarts-needs.ts decides it.
EXPLICIT_H = re.compile(r'\[(?:\d+)?(?:#1(?!\d)|H(?![a-z\d]))')
ALERT_CATALOGS = [
    ('pains-a', 'pains-a.tsv', 'PAINS A'), ('pains-b', 'pains-b.tsv', 'PAINS B'),
    ('pains-c', 'pains-c.tsv', 'PAINS C'), ('brenk', 'brenk.tsv', 'Brenk'),
    ('nih', 'nih.tsv', 'NIH'), ('zinc', 'zinc.tsv', 'ZINC'),
]


class Molecule:
    """One parsed molecule with the values several checks share."""

    def __init__(self, mol):
        self.mol = mol
        self.smiles = Chem.MolToSmiles(mol)
        self.inchi = None
        self.inchi_failure = None
        self.frags = Chem.GetMolFrags(mol)
        self.known = None
        self._fp = None
        self._with_hs = None

    def fingerprint(self):
        """Pattern fingerprint of the molecule, computed on first use."""
        if self._fp is None:
            self._fp = Chem.PatternFingerprint(self.mol, FP_SIZE)
        return self._fp

    def with_hydrogens(self):
        """The molecule with its hydrogens as atoms, for SMARTS that have H atoms."""
        if self._with_hs is None:
            self._with_hs = Chem.AddHs(self.mol)
        return self._with_hs


def read_patterns(path):
    """Rows of a pattern file compiled: (name, query, max count, query atoms, screen bits)."""
    rows = []
    for line in Path(path).read_text(encoding='utf-8').splitlines():
        if line.strip() == '' or line.startswith('//'):
            continue
        fields = line.split('\t')
        query = Chem.MolFromSmarts(fields[1])
        if query is None:
            raise ValueError(f'{path}: RDKit cannot read the SMARTS of {fields[0]}')
        limit = int(fields[2]) if len(fields) > 2 and fields[2] else 0
        # chem/alerts.ts matches SMARTS with H atoms on the molecule with explicit Hs,
        # which its H-less fingerprint cannot screen.
        hydrogens = EXPLICIT_H.search(fields[1]) is not None
        screen = None if hydrogens else Chem.PatternFingerprint(query, FP_SIZE)
        rows.append((fields[0], query, limit, query.GetNumAtoms(), screen))
    return rows


def load_catalogs(chem_dir):
    """Fragment patterns and the alert catalogs, compiled once per process."""
    chem = Path(chem_dir)
    alerts = {code: (label, read_patterns(chem / 'alerts' / name))
              for code, name, label in ALERT_CATALOGS}
    return read_patterns(chem / 'data' / 'fragments.tsv'), alerts


def atoms_where(mol, test):
    """Indexes of the atoms that pass the test."""
    return [atom.GetIdx() for atom in mol.GetAtoms() if test(atom)]


def multiple_fragments(m, fragments):
    """More than one fragment, naming the known salts and solvents."""
    if len(m.frags) < 2:
        return []
    names = [name for name, _ in known_fragments(m, fragments)]
    known = f": {', '.join(names)}" if names else ''
    return [(f'{len(m.frags)} disconnected fragments{known}', None)]


def known_fragments(m, fragments):
    """(name, atoms) of each salt or solvent pattern that covers one whole fragment."""
    if m.known is not None:
        return m.known
    home = {atom: n for n, members in enumerate(m.frags) for atom in members}
    sizes = {len(members) for members in m.frags}
    m.known = []
    for name, query, _, size, _ in fragments:
        if size not in sizes:
            continue
        for match in m.mol.GetSubstructMatches(query):
            frag = home[match[0]]
            if len(m.frags[frag]) == len(match) and all(home[a] == frag for a in match):
                m.known.append((name, match))
                break
    return m.known


def charged(m):
    """A net formal charge other than zero."""
    charge = Chem.GetFormalCharge(m.mol)
    if charge == 0:
        return []
    atoms = atoms_where(m.mol, lambda a: a.GetFormalCharge() != 0)
    return [(f"net charge {'+' if charge > 0 else ''}{charge}", atoms)]


def radical(m):
    """Atoms with unpaired electrons."""
    atoms = atoms_where(m.mol, lambda a: a.GetNumRadicalElectrons() > 0)
    if not atoms:
        return []
    total = sum(m.mol.GetAtomWithIdx(a).GetNumRadicalElectrons() for a in atoms)
    return [(f'{total} radical electrons', atoms)]


def isotope(m):
    """Atoms with an isotope label."""
    atoms = atoms_where(m.mol, lambda a: a.GetIsotope() > 0)
    return [(f'isotope label on {len(atoms)} atoms', atoms)] if atoms else []


def unusual_element(m, fragments):
    """Elements outside the organic set, except counterions that multiple-fragments names."""
    atoms = atoms_where(m.mol, lambda a: a.GetAtomicNum() > 0 and a.GetAtomicNum() not in ORGANIC)
    if not atoms:
        return []
    if len(m.frags) > 1:
        counterions = {a for _, match in known_fragments(m, fragments) for a in match}
        atoms = [a for a in atoms if a not in counterions]
    if not atoms:
        return []
    symbols = sorted({m.mol.GetAtomWithIdx(a).GetSymbol() for a in atoms})
    return [(f"unusual element {', '.join(symbols)}", atoms)]


def dummy_atom(m):
    """Dummy, R-group and query atoms (atomic number 0)."""
    atoms = atoms_where(m.mol, lambda a: a.GetAtomicNum() == 0)
    return [(f'{len(atoms)} dummy or query atoms', atoms)] if atoms else []


def too_many_atoms(m):
    """More heavy atoms than small-molecule rules are meant for."""
    heavy = sum(1 for a in m.mol.GetAtoms() if a.GetAtomicNum() != 1)
    if heavy <= MAX_HEAVY_ATOMS:
        return []
    return [(f'{heavy} heavy atoms, more than {MAX_HEAVY_ATOMS}', None)]


def smiles_roundtrip(m):
    """The canonical SMILES must read back to itself."""
    again = Chem.MolFromSmiles(m.smiles)
    if again is None:
        return [(f'canonical SMILES {m.smiles} does not read back', None)]
    back = Chem.MolToSmiles(again)
    if back == m.smiles:
        return []
    return [(f'canonical SMILES {m.smiles} reads back as {back}', None)]


def alert_check(code):
    """The check of one alert catalog: a pattern-fingerprint screen, then the matcher."""
    def run(m, alerts):
        label, patterns = alerts[code]
        fp = m.fingerprint()
        hits = []
        for name, query, limit, _, screen in patterns:
            if screen is not None and not DataStructs.AllProbeBitsMatch(screen, fp):
                continue
            target = m.mol if screen is not None else m.with_hydrogens()
            atoms = alert_match(target, query, limit)
            if atoms is not None:
                heavy = m.mol.GetNumAtoms()
                hits.append((f'{label} alert {name}', [a for a in atoms if a < heavy]))
        return hits
    return run


def alert_match(target, query, limit):
    """Atoms of the first match when the query matches more than `limit` times, else None."""
    if limit == 0:
        match = target.GetSubstructMatch(query)
        return match if match else None
    matches = target.GetSubstructMatches(query, maxMatches=limit + 1)
    return matches[0] if len(matches) > limit else None


def formula_of(mol):
    """Molecular formula with the charge, as RDKit writes it."""
    return rdmd.CalcMolFormula(mol)


def no_molfile(_m):
    """Molfile checks find nothing in SMILES input."""
    return []


__all__ = [
    'Molecule', 'load_catalogs', 'multiple_fragments', 'charged', 'radical', 'isotope',
    'unusual_element', 'dummy_atom', 'too_many_atoms', 'smiles_roundtrip', 'alert_check',
    'undefined_stereocentres', 'undefined_double_bonds', 'no_molfile', 'formula_of',
]
