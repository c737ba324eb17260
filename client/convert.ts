import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { readConfig } from '../common/config.js';
import type { OpsinNameOptions } from '../common/types.js';
import { OpsinPool } from '../workers/opsin/pool.js';
import type { OpsinAnswer } from '../workers/opsin/process.js';
import { ensureOpsin } from '../workers/opsin/setup.js';
import { projectRoot } from '../workers/setup/index.js';
import { say } from './stack.js';

/** The `--opsin-*` flags as commander parses them. */
export interface OpsinFlags {
  opsinAllowRadicals?: boolean;
  opsinAllowAcidsWithoutAcid?: boolean;
  opsinStereoAsWarning?: boolean;
}

/** Adds the flags that make OPSIN read names less strictly to a command. */
export function withOpsinFlags(command: Command): Command {
  return command
    .option('--opsin-allow-radicals', 'OPSIN: accept names of radicals such as "methyl"')
    .option('--opsin-allow-acids-without-acid', 'OPSIN: read names like "acetic" as the acid')
    .option('--opsin-stereo-as-warning', 'OPSIN: stereo it cannot place warns instead of failing');
}

/** The OPSIN options the flags ask for; undefined when none is set. */
export function opsinOptions(flags: OpsinFlags): OpsinNameOptions | undefined {
  const chosen = {
    allowRadicals: flags.opsinAllowRadicals,
    allowAcidsWithoutAcid: flags.opsinAllowAcidsWithoutAcid,
    stereoAsWarning: flags.opsinStereoAsWarning,
  };
  const set = Object.entries(chosen).filter(([, value]) => value === true);
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}

/** The names given as arguments, then those of `file`, one per line, blank lines skipped. */
export async function namesToConvert(args: string[], file?: string): Promise<string[]> {
  const fromFile = file === undefined ? [] : (await readFile(file, 'utf8')).split(/\r?\n/);
  const names = [...args, ...fromFile].filter((name) => name.trim() !== '');
  if (names.length === 0) {
    throw new Error('give names to convert, or --file with one name per line');
  }
  return names;
}

/**
 * Converts names through an OPSIN pool and writes one line per name, in order: name, status,
 * SMILES and message, tab-separated. A name OPSIN cannot read is a line, not an error.
 */
export async function printConversions(
  names: string[],
  options: OpsinNameOptions | undefined,
  write: (line: string) => void,
): Promise<void> {
  const config = readConfig();
  const { classpath } = await ensureOpsin({ projectRoot: projectRoot(), log: say });
  const pool = new OpsinPool({ classpath, heapMb: config.opsinHeapMb, jvms: config.opsinJvms });

  try {
    const answers = names.map((name) => pool.convert(name, options));
    // Only the first rejection is reported; the others are the same fault.
    for (const answer of answers) {
      answer.catch(() => undefined);
    }
    for (const [i, answer] of answers.entries()) {
      write(formatLine(names[i], await answer));
    }
  } finally {
    await pool.close();
  }
}

function formatLine(name: string, answer: OpsinAnswer): string {
  const message = answer.status === 'WARNING' && answer.warnings.length > 0
    ? answer.warnings.join('; ')
    : answer.message;
  const fields = [name, answer.status, answer.smiles ?? '', message];
  return `${fields.map((field) => field.replace(/[\t\r\n]+/g, ' ')).join('\t')}\n`;
}
