import rdkitPackage from '@rdkit/rdkit';
import type { Log, MainModule, Mol } from '@rdkit/rdkit';

/** The RDKit MinimalLib (WASM) module; one instance per thread. */
export type RDKitModule = MainModule;

/** An RDKit molecule handle; every one must be freed with `delete()`. */
export type RDKitMol = Mol;

// The package is CommonJS and sets both module.exports and module.exports.default;
// TypeScript under NodeNext only sees the latter as callable.
const initRDKitModule = rdkitPackage.default;

// Time stamp RDKit puts in front of each log record, e.g. "[16:53:07] ".
const TIMESTAMP = /^\[\d{2}:\d{2}:\d{2}\] ?/;

const captures = new WeakMap<RDKitModule, Log>();

let loading: Promise<RDKitModule> | undefined;

/** Loads RDKit once per thread, with its log captured instead of printed. */
export function loadRdkit(): Promise<RDKitModule> {
  loading ??= initRDKitModule().then(
    (rdkit) => {
      logCapture(rdkit);
      return rdkit;
    },
    (err: unknown) => {
      loading = undefined;
      throw new Error('RDKit (WASM) failed to load', { cause: err });
    },
  );
  return loading;
}

/** Forgets this thread's RDKit module, so the next `loadRdkit()` starts a fresh instance. */
export function resetRdkit(): void {
  loading = undefined;
}

/** Discards whatever RDKit has logged so far on this module. */
export function clearRdkitLog(rdkit: RDKitModule): void {
  logCapture(rdkit).clear_buffer();
}

/** Returns the lines RDKit logged since the last call (time stamps removed) and clears them. */
export function takeRdkitLog(rdkit: RDKitModule): string[] {
  const log = logCapture(rdkit);
  const text = log.get_buffer();
  log.clear_buffer();

  return text
    .split('\n')
    .map((line) => line.replace(TIMESTAMP, '').trim())
    .filter((line) => line.length > 0);
}

function logCapture(rdkit: RDKitModule): Log {
  const known = captures.get(rdkit);
  if (known) return known;

  // Capturing all rdApp.* channels also switches them on; records go to the
  // buffer instead of stderr, so a bad SMILES never prints to the console.
  const log = rdkit.set_log_capture('rdApp.*');
  if (log === null) {
    throw new Error('RDKit log capture is already taken by other code on this module');
  }
  captures.set(rdkit, log);
  return log;
}
