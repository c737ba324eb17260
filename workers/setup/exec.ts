import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a program and returns its stdout; rejects with its stderr in the message. */
export async function exec(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await run(file, args, { env: env ?? process.env, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as Error & { stderr?: string; code?: string | number };
    const detail = e.stderr?.trim().split('\n').slice(-5).join('\n') || e.message;
    throw new Error(`${file} ${args.join(' ')} failed (${e.code ?? 'error'}): ${detail}`);
  }
}

/** Whether a program can be found and run. */
export async function hasProgram(file: string, versionArgs = ['version']): Promise<boolean> {
  try {
    await run(file, versionArgs);
    return true;
  } catch {
    return false;
  }
}
