import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a finished CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `molbatch` CLI to completion with extra environment variables. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliRun> {
  const bin = path.join(process.cwd(), 'bin', 'molbatch.js');
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: cwd ?? process.cwd(),
    env: { ...process.env, TEMPORAL_ADDRESS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh folder for one test's embedded stack and outputs. */
export function workDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-run-'));
}

/** Parses a CSV written by molbatch (quoted fields, no embedded newlines in our columns). */
export async function readCsv(file: string): Promise<Array<Record<string, string>>> {
  const { parse } = await import('csv-parse/sync');
  return parse(fs.readFileSync(file), { columns: true }) as Array<Record<string, string>>;
}
