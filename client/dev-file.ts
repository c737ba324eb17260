import fs from 'node:fs';
import path from 'node:path';

import { readConfig } from '../common/config.js';
import { BatchClient } from './batches.js';

/** Where a running `molbatch dev` can be reached; written to `$MOLBATCH_HOME/dev.json`. */
export interface DevEndpoint {
  address: string;
  uiBase: string;
  namespace: string;
  /** The `molbatch dev` process; the file is stale once it is gone. */
  pid: number;
}

/** The file `molbatch dev` writes while it runs. */
export function devFilePath(home: string): string {
  return path.join(home, 'dev.json');
}

/** Writes the endpoint of this `molbatch dev`; returns what removes it again. */
export function writeDevFile(home: string, endpoint: DevEndpoint): () => void {
  const file = devFilePath(home);
  fs.writeFileSync(file, `${JSON.stringify(endpoint, null, 2)}\n`);
  return () => fs.rmSync(file, { force: true });
}

/** The endpoint of a `molbatch dev` that still runs, or null. */
export function readDevFile(home: string): DevEndpoint | null {
  const file = devFilePath(home);
  if (!fs.existsSync(file)) {
    return null;
  }
  const endpoint = JSON.parse(fs.readFileSync(file, 'utf8')) as DevEndpoint;
  try {
    process.kill(endpoint.pid, 0);
    return endpoint;
  } catch {
    return null;
  }
}

/** A client and Web UI base of a long-lived server. */
export interface LongLived {
  client: BatchClient;
  uiBase: string;
}

/** Connects to TEMPORAL_ADDRESS, else to the `molbatch dev` of MOLBATCH_HOME, else null. */
export async function connectLongLived(): Promise<LongLived | null> {
  const config = readConfig();
  if (config.temporalAddress) {
    const uiBase = process.env.TEMPORAL_UI_URL ?? 'http://localhost:8233';
    return { client: await BatchClient.connect(config.temporalAddress, config.namespace), uiBase };
  }
  const dev = readDevFile(config.home);
  if (!dev) {
    return null;
  }
  return { client: await BatchClient.connect(dev.address, dev.namespace), uiBase: dev.uiBase };
}

/** Like `connectLongLived`, but a missing server is an error that names both ways to get one. */
export async function requireLongLived(): Promise<LongLived> {
  const found = await connectLongLived();
  if (!found) {
    const file = devFilePath(readConfig().home);
    throw new Error(`no Temporal server: set TEMPORAL_ADDRESS, or start \`molbatch dev\` (no ${file})`);
  }
  return found;
}
