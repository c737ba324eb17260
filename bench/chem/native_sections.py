"""Where native RDKit's CPU time goes on the steps of bench/chem/sections.mjs, in one process.

python native_sections.py --input SMILES.txt --registry CHECKS.json --chem-dir chem
prints one JSON line: the CPU ms of whole validations, and of each section summed.
"""
import argparse
import json
import sys
import time
from pathlib import Path

from rdkit import Chem, RDLogger

sys.path.insert(0, str(Path(__file__).resolve().parent))
import native_checks  # noqa: E402
import native_validate  # noqa: E402
from native_inchi import add_inchi  # noqa: E402

SPENT = {}


def timed(name, step):
    """Runs the step, adding its time to the section's total."""
    started = time.process_time()
    value = step()
    SPENT[name] = SPENT.get(name, 0.0) + time.process_time() - started
    return value


def sections(text, registry, table):
    """Each step of one molecule, timed apart."""
    mol = timed('parse', lambda: Chem.MolFromSmiles(text))
    if mol is None or mol.GetNumAtoms() == 0:
        return
    m = timed('canonical SMILES', lambda: native_checks.Molecule(mol))
    timed('InChI + key', lambda: add_inchi(m))
    timed('pattern fingerprint', m.fingerprint)
    for code, _ in registry:
        timed(f'check {code}', lambda code=code: table[code](m))
    timed('formula + mass', lambda: native_checks.formula_of(mol))
    timed('properties', lambda: native_validate.properties(mol))


def main():
    """Times whole validations, then the sections, and prints both."""
    parser = argparse.ArgumentParser()
    for name in ('--input', '--registry', '--chem-dir'):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    RDLogger.DisableLog('rdApp.*')
    smiles = [s for s in Path(args.input).read_text().split('\n') if s]
    registry = [tuple(row) for row in json.loads(Path(args.registry).read_text())]
    table = native_validate.runs(*native_checks.load_catalogs(args.chem_dir))

    started = time.process_time()
    for text in smiles:
        native_validate.validate(text, registry, table)
    whole = time.process_time() - started
    for text in smiles:
        sections(text, registry, table)
    milliseconds = {name: 1000 * seconds for name, seconds in SPENT.items()}
    print(json.dumps({'wholeMs': 1000 * whole, 'sections': milliseconds}))


if __name__ == '__main__':
    main()
