"""Times the default check set on native RDKit in worker processes, for bench/chem/run.mjs.

python native.py --input SMILES.txt --registry CHECKS.json --chem-dir chem --processes N
    --out RESULTS.json

Prints one JSON line (processes, molecules, seconds, RDKit version); writes the issue codes of
every molecule and the findings counted by code to --out for the agreement table.
"""
import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

import rdkit
from rdkit import RDLogger

sys.path.insert(0, str(Path(__file__).resolve().parent))
import native_checks  # noqa: E402
import native_validate  # noqa: E402

# Same slice size as chem/pool.ts hands to a thread.
MAX_SLICE = 25
STATE = {}


def start(registry, chem_dir):
    """Worker initializer: compiles the patterns once per process, as each WASM thread does."""
    RDLogger.DisableLog('rdApp.*')
    STATE['registry'] = registry
    STATE['table'] = native_validate.runs(*native_checks.load_catalogs(chem_dir))


def validate_slice(smiles):
    """Results of one slice of SMILES."""
    return [native_validate.validate(s, STATE['registry'], STATE['table']) for s in smiles]


def slices_of(items, workers):
    """Slices as chem/pool.ts cuts them: at most 25, fewer when few items per worker."""
    size = max(1, min(MAX_SLICE, -(-len(items) // workers)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def timed_run(pool, smiles, workers):
    """Validates every SMILES once untimed per worker, then once timed; results and seconds."""
    pool.map(validate_slice, slices_of(smiles[:workers * MAX_SLICE * 2], workers), chunksize=1)
    started = time.perf_counter()
    parts = pool.map(validate_slice, slices_of(smiles, workers), chunksize=1)
    return [r for part in parts for r in part], time.perf_counter() - started


def summary(results):
    """Issue codes per molecule and findings counted by code."""
    counts = {}
    for result in results:
        for finding in result['findings']:
            counts[finding['code']] = counts.get(finding['code'], 0) + 1
    return {'issues': [r['issues'] for r in results], 'findingCounts': counts}


def main():
    """Parses the arguments, runs the pool, prints the timing and writes the findings."""
    args = arguments()
    smiles = Path(args.input).read_text(encoding='utf-8').split('\n')
    smiles = [s for s in smiles if s != '']
    registry = [tuple(row) for row in json.loads(Path(args.registry).read_text())]
    missing = [code for code, _ in registry if code not in native_validate.KNOWN_CODES]
    if missing:
        sys.exit(f'native.py has no check for: {", ".join(missing)}')

    context = multiprocessing.get_context('fork')
    with context.Pool(args.processes, start, (registry, args.chem_dir)) as pool:
        results, seconds = timed_run(pool, smiles, args.processes)
    Path(args.out).write_text(json.dumps(summary(results)))
    print(json.dumps({'processes': args.processes, 'molecules': len(results),
                      'seconds': seconds, 'rdkit': rdkit.__version__}))


def arguments():
    """Command-line arguments."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--input', required=True, help='one SMILES per line')
    parser.add_argument('--registry', required=True, help='JSON list of [code, severity]')
    parser.add_argument('--chem-dir', required=True, help="molbatch's chem/ folder")
    parser.add_argument('--processes', type=int, default=1)
    parser.add_argument('--out', required=True, help='where the findings go')
    return parser.parse_args()


if __name__ == '__main__':
    main()
