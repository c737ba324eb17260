"""InChI with its key, and the inchi-mismatch check of chem/roundtrip.ts, on native RDKit."""
import re

from rdkit import Chem

COMPONENT = re.compile(r'^(\d*)(.*)$')
ELEMENT = re.compile(r'([A-Z][a-z]?)(\d*)')
CHARGE = re.compile(r'^(?:(\d+)\*)?([+-]?\d*)$')


def add_inchi(m):
    """Sets the molecule's InChI and returns its key; a failure is kept for inchi-failed."""
    try:
        inchi = Chem.MolToInchi(m.mol)
        key = Chem.InchiToInchiKey(inchi) if inchi else None
    except (RuntimeError, ValueError):
        inchi, key = None, None
    if key:
        m.inchi = inchi
        return key
    m.inchi_failure = 'no InChI could be generated'
    return None


def inchi_failed(m):
    """No InChI could be generated."""
    return [] if m.inchi_failure is None else [(m.inchi_failure, None)]


def inchi_mismatch(m):
    """The InChI's formula, charge and proton layers must add up to the drawn atoms."""
    if m.inchi is None:
        return []
    elements, charge = inchi_totals(m.inchi)
    drawn = element_counts(m.mol)
    differences = []
    for symbol in set(elements) | set(drawn):
        here, there = elements.get(symbol, 0), drawn.get(symbol, 0)
        if here != there:
            differences.append(f'{symbol} {here} in the InChI, {there} drawn')
    net = Chem.GetFormalCharge(m.mol)
    if charge != net:
        differences.append(f'charge {charge} in the InChI, {net} drawn')
    if not differences:
        return []
    return [(f"InChI disagrees with the structure: {'; '.join(differences)}", None)]


def inchi_totals(inchi):
    """Element counts and net charge that an InChI describes, protons layer included."""
    layers = inchi.split('/')
    elements = formula_counts(layers[1] if len(layers) > 1 else '')
    charge = sum_charges(next((l[1:] for l in layers if l.startswith('q')), ''))
    protons = int(next((l[1:] for l in layers if l.startswith('p')), '0') or 0)
    if protons:
        elements['H'] = elements.get('H', 0) + protons
    return elements, charge + protons


def formula_counts(formula):
    """Element counts of an InChI formula layer, multipliers applied."""
    counts = {}
    for component in formula.split('.'):
        times, body = COMPONENT.match(component).groups()
        multiplier = int(times) if times else 1
        for symbol, n in ELEMENT.findall(body):
            counts[symbol] = counts.get(symbol, 0) + multiplier * (int(n) if n else 1)
    return counts


def sum_charges(layer):
    """Net charge of an InChI /q layer."""
    total = 0
    for part in layer.split(';'):
        found = CHARGE.match(part)
        if found is None or found.group(2) in ('', '+', '-'):
            continue
        total += (int(found.group(1)) if found.group(1) else 1) * int(found.group(2))
    return total


def element_counts(mol):
    """Element counts of the drawn atoms, their hydrogens included."""
    counts = {}
    for atom in mol.GetAtoms():
        symbol = '*' if atom.GetAtomicNum() == 0 else atom.GetSymbol()
        counts[symbol] = counts.get(symbol, 0) + 1
        hs = atom.GetTotalNumHs()
        if hs:
            counts['H'] = counts.get('H', 0) + hs
    return counts
