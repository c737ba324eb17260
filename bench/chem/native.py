"""The default check set on native RDKit in worker processes, timed round by round for run.mjs.

python native.py --input SMILES.txt --registry CHECKS.json --chem-dir chem --processes N
    --out RESULTS.json

Loads the SMILES, starts the processes, validates a few slices untimed and prints a JSON line
with `ready`. Then each stdin line `{"start": S, "end": E}` validates SMILES S to E-1 and prints
`{"seconds": wall, "cpuSeconds": cpu}` (cpu: this process and its workers). At the end of stdin it
writes the issue codes of every molecule validated and the findings counted by code to --out.
"""
import argparse
import json
import multiprocessing
import os
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
WARM_SLICES_PER_WORKER = 2
TICKS = os.sysconf('SC_CLK_TCK')
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


def cpu_seconds(pool):
    """CPU time of this process and of the pool's workers so far (Linux /proc)."""
    total = time.process_time()
    for worker in pool._pool:  # noqa: SLF001 -- the pool keeps no public list of its pids
        fields = Path(f'/proc/{worker.pid}/stat').read_text().rsplit(')', 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def timed_round(pool, smiles, workers):
    """Validates the SMILES across the workers; results, wall and CPU seconds."""
    cpu, wall = cpu_seconds(pool), time.perf_counter()
    parts = pool.map(validate_slice, slices_of(smiles, workers), chunksize=1)
    wall, cpu = time.perf_counter() - wall, cpu_seconds(pool) - cpu
    return [r for part in parts for r in part], wall, cpu


def summary(results):
    """Issue codes per molecule and findings counted by code."""
    counts = {}
    for result in results:
        for finding in result['findings']:
            counts[finding['code']] = counts.get(finding['code'], 0) + 1
    return {'issues': [r['issues'] for r in results], 'findingCounts': counts}


def serve(pool, smiles, processes):
    """Answers each round asked on stdin; the results of every round, in order."""
    warm = smiles[:processes * MAX_SLICE * WARM_SLICES_PER_WORKER]
    pool.map(validate_slice, slices_of(warm, processes), chunksize=1)
    say({'ready': True, 'rdkit': rdkit.__version__})
    results = []
    for line in sys.stdin:
        ask = json.loads(line)
        done, wall, cpu = timed_round(pool, smiles[ask['start']:ask['end']], processes)
        results.extend(done)
        say({'seconds': wall, 'cpuSeconds': cpu})
    return results


def say(message):
    """One JSON line to run.mjs."""
    print(json.dumps(message), flush=True)


def main():
    """Reads the arguments, starts the processes and serves the rounds."""
    args = arguments()
    smiles = [s for s in Path(args.input).read_text(encoding='utf-8').split('\n') if s != '']
    registry = [tuple(row) for row in json.loads(Path(args.registry).read_text())]
    missing = [code for code, _ in registry if code not in native_validate.KNOWN_CODES]
    if missing:
        sys.exit(f'native.py has no check for: {", ".join(missing)}')

    context = multiprocessing.get_context('fork')
    with context.Pool(args.processes, start, (registry, args.chem_dir)) as pool:
        results = serve(pool, smiles, args.processes)
    Path(args.out).write_text(json.dumps(summary(results)))


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
