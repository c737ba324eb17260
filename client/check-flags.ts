import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { parseCheckConfig } from '../chem/config.js';
import type { CheckConfig } from '../common/types.js';

/** The check flags as commander parses them. */
export interface CheckFlags {
  checks?: string;
  skip?: string;
  severity?: string[];
}

/** Adds `--checks FILE.json`, `--skip a,b` and `--severity code=level` to a command. */
export function withCheckFlags(command: Command): Command {
  return command
    .option('--checks <file>', 'check configuration as JSON: {"only", "skip", "severity"}')
    .option('--skip <codes>', 'comma-separated check codes not to run')
    .option('--severity <code=level>', 'run a check at another severity (repeatable)',
      (value: string, all: string[] = []) => [...all, value]);
}

/** The batch's check configuration from the flags (file first); undefined when none is set. */
export async function checkOptions(flags: CheckFlags): Promise<CheckConfig | undefined> {
  if (!flags.checks && !flags.skip && !flags.severity) return undefined;

  const fromFile = flags.checks ? await readChecksFile(flags.checks) : {};
  const skip = flags.skip ? flags.skip.split(',').map((code) => code.trim()) : [];
  const severity = Object.fromEntries((flags.severity ?? []).map(severityPair));

  const config = {
    ...fromFile,
    ...(skip.length > 0 ? { skip: [...(fromFile.skip ?? []), ...skip] } : {}),
    ...(flags.severity ? { severity: { ...fromFile.severity, ...severity } } : {}),
  };
  return parseCheckConfig(config);
}

async function readChecksFile(path: string): Promise<CheckConfig> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text) as CheckConfig;
  } catch (err) {
    throw new Error(`${path}: not JSON: ${(err as Error).message}`);
  }
}

function severityPair(flag: string): [string, string] {
  const [code, level, ...rest] = flag.split('=');
  if (!code || !level || rest.length > 0) {
    throw new Error(`--severity ${flag}: expected CODE=LEVEL, e.g. brenk=warning`);
  }
  return [code.trim(), level.trim()];
}
