// The Python venv with native RDKit that bench/chem runs beside the WASM pool, made on first use
// at the version vendor/manifest.json pins.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The pinned native RDKit: PyPI name, version, venv folder and the Python that makes it. */
export function pinnedRdkit() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'vendor', 'manifest.json'), 'utf8'));
  const pin = manifest.rdkitPython;
  return { ...pin, venv: path.join(root, pin.venv) };
}

/** Path of the venv's python, after making the venv or fixing its RDKit version if needed. */
export function ensureNativeRdkit() {
  const pin = pinnedRdkit();
  const python = path.join(pin.venv, 'bin', 'python');
  if (existsSync(python) && installedVersion(python) === pin.version) return python;

  console.error(`bench/chem: installing ${pin.pypi}==${pin.version} into ${pin.venv}`);
  if (!existsSync(python)) run(pin.python, ['-m', 'venv', pin.venv]);
  run(python, ['-m', 'pip', 'install', '--quiet', `${pin.pypi}==${pin.version}`]);
  const version = installedVersion(python);
  if (version !== pin.version) {
    throw new Error(`${pin.venv} has ${pin.pypi} ${version}, not the pinned ${pin.version}`);
  }
  return python;
}

// The package's metadata version (2026.9.1), which is what pip pins, not rdkit.__version__.
function installedVersion(python) {
  try {
    const script = 'import importlib.metadata as m; print(m.version("rdkit"))';
    return execFileSync(python, ['-c', script], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function run(command, args) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}
