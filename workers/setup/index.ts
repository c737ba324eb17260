import fs from 'node:fs';
import path from 'node:path';

import { ensureOpsin } from '../opsin/setup.js';
import { ensureTemporal, type TemporalPin } from './temporal.js';

/** Paths of the provisioned third-party tools. */
export interface Tools {
  temporal: string;
  opsinClasspath: string;
}

/** Provisions the Temporal CLI and OPSIN under vendor/ (idempotent, cached). */
export async function ensureTools(projectRoot: string, log: (msg: string) => void): Promise<Tools> {
  const manifest = readManifest(projectRoot);
  const temporal = await ensureTemporal(projectRoot, manifest.temporal, log);
  const opsin = await ensureOpsin({ projectRoot, log });
  return { temporal, opsinClasspath: opsin.classpath };
}

function readManifest(projectRoot: string): { temporal: TemporalPin } {
  const file = path.join(projectRoot, 'vendor', 'manifest.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { temporal: TemporalPin };
}

/** The project's root folder, found from this compiled or source file. */
export function projectRoot(): string {
  let dir = path.dirname(new URL(import.meta.url).pathname);
  while (!fs.existsSync(path.join(dir, 'vendor', 'manifest.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('cannot find the molbatch project root (vendor/manifest.json)');
    }
    dir = parent;
  }
  return dir;
}
