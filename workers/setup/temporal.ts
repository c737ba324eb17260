import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { exec, hasProgram } from './exec.js';

/** The pinned Temporal CLI of `vendor/manifest.json`. */
export interface TemporalPin {
  module: string;
  version: string;
}

/** Finds or builds the Temporal CLI; returns the path of the binary. */
export async function ensureTemporal(
  projectRoot: string,
  pin: TemporalPin,
  log: (msg: string) => void,
): Promise<string> {
  const vendored = path.join(projectRoot, 'vendor', 'bin', 'temporal');
  if (fs.existsSync(vendored)) {
    return vendored;
  }

  const onPath = await suitableOnPath(log);
  if (onPath) {
    return onPath;
  }

  const cached = path.join(cacheDir(), `temporal-${pin.version}`, 'temporal');
  if (fs.existsSync(cached)) {
    log(`using the Temporal CLI ${pin.version} built earlier on this machine (${cached})`);
  } else {
    await build(pin, path.dirname(cached), log);
  }

  fs.mkdirSync(path.dirname(vendored), { recursive: true });
  fs.copyFileSync(cached, vendored);
  fs.chmodSync(vendored, 0o755);
  return vendored;
}

/** A `temporal` on PATH will do if it is CLI 1.5 or newer, or carries server 1.29 or newer. */
async function suitableOnPath(log: (msg: string) => void): Promise<string | null> {
  let version: string;
  try {
    version = await exec('temporal', ['--version']);
  } catch {
    return null;
  }

  const cli = /temporal version (\d+)\.(\d+)/.exec(version);
  const server = /Server (\d+)\.(\d+)/.exec(version);
  const newEnough = (m: RegExpExecArray | null, major: number, minor: number) =>
    !!m && (Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor));
  if (newEnough(cli, 1, 5) || newEnough(server, 1, 29)) {
    log(`using the Temporal CLI on PATH (${version.trim()})`);
    return 'temporal';
  }
  return null;
}

function cacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'molbatch');
}

async function build(pin: TemporalPin, into: string, log: (msg: string) => void): Promise<void> {
  if (!(await hasProgram('go'))) {
    throw new Error(
      'The Temporal CLI is missing and Go is not installed to build it. Install Go 1.22 or newer ' +
        '(https://go.dev/dl/ or apt-get install golang) and run `npx molbatch setup` again, or put ' +
        `the Temporal CLI ${pin.version} at vendor/bin/temporal.`,
    );
  }

  log(`building the Temporal CLI ${pin.version} with go install (several minutes, once per machine)`);
  const started = Date.now();
  fs.mkdirSync(into, { recursive: true });
  await exec('go', ['install', `${pin.module}@${pin.version}`], { ...process.env, GOBIN: into });
  log(`built the Temporal CLI in ${Math.round((Date.now() - started) / 1000)} s`);
}
