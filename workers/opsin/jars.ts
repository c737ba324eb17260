import { execFile } from 'node:child_process';
import { access, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** OPSIN could not be installed; `missing` names what to install, `detail` the tool output. */
export class OpsinSetupError extends Error {
  override readonly name = 'OpsinSetupError';

  constructor(
    message: string,
    readonly missing: string[],
    readonly detail?: string,
  ) {
    super(detail === undefined ? message : `${message}\n${detail}`);
  }
}

/** Debian jars OPSIN needs, each with the file names Debian has used and its package. */
const DEBIAN_JARS = [
  // Not opsin.jar: Debian points that at the command-line jar.
  { files: ['opsin-core.jar'], pkg: 'libopsin-java' },
  { files: ['automaton.jar'], pkg: 'libautomaton-java' },
  { files: ['commons-io.jar'], pkg: 'libcommons-io-java' },
  { files: ['log4j-api.jar'], pkg: 'liblog4j2-java' },
  { files: ['woodstox-core.jar'], pkg: 'libwoodstox-java' },
  { files: ['stax2-api.jar'], pkg: 'libstax2-api-java' },
  { files: ['gson.jar'], pkg: 'libgoogle-gson-java' },
];

/** The jars OPSIN runs on and where they came from. */
export interface Jars {
  source: 'maven' | 'debian';
  jars: string[];
}

/** Where Maven is told to read its pom and put the jars. */
export interface JarFolders {
  root: string;
  lib: string;
  pom: string;
}

/** Copies the jars with Maven, or takes Debian's when Maven fails; says what to install otherwise. */
export async function resolveJars(
  files: JarFolders,
  debianDir: string,
  log: (msg: string) => void,
): Promise<Jars> {
  let mavenFailure: string;
  try {
    log('OPSIN: fetching jars with Maven');
    return { source: 'maven', jars: await mavenJars(files) };
  } catch (error) {
    mavenFailure = describeToolError('mvn', error);
    log(`OPSIN: Maven failed (${firstLine(mavenFailure)}); trying Debian's libopsin-java`);
  }

  const debian = await debianJars(debianDir);
  if (debian.missing.length === 0) {
    return { source: 'debian', jars: debian.jars };
  }

  const packages = debian.missing.join(' ');
  throw new OpsinSetupError(
    'Cannot get the OPSIN jars: Maven failed and Debian jars are missing. Install Maven ' +
      `(apt-get install maven) or Debian's jars (apt-get install ${packages}).`,
    ['Maven (apt-get install maven)', `Debian packages: ${packages}`],
    mavenFailure,
  );
}

async function mavenJars(files: JarFolders): Promise<string[]> {
  await rm(files.lib, { recursive: true, force: true });

  const args = [
    '-q',
    '--batch-mode',
    '-f',
    files.pom,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${files.lib}`,
    '-DincludeScope=runtime',
  ];
  await run('mvn', args, { cwd: files.root, maxBuffer: 16 * 1024 * 1024 });

  const jars = (await readdir(files.lib)).filter((f) => f.endsWith('.jar')).sort();
  if (!jars.some((f) => f.startsWith('opsin-core-'))) {
    throw new Error(`Maven copied no opsin-core jar into ${files.lib}`);
  }
  return jars.map((f) => path.join(files.lib, f));
}

async function debianJars(dir: string): Promise<{ jars: string[]; missing: string[] }> {
  const jars: string[] = [];
  const missing: string[] = [];

  for (const { files, pkg } of DEBIAN_JARS) {
    const candidates = files.map((f) => path.join(dir, f));
    const found = await firstExisting(candidates);
    if (found === undefined) {
      missing.push(pkg);
    } else {
      jars.push(found);
    }
  }
  return { jars, missing };
}

/** Explains a failed tool run in a few lines: not installed, or its last output. */
export function describeToolError(tool: string, error: unknown): string {
  const e = error as { code?: unknown; stdout?: string; stderr?: string; message?: string };
  if (e.code === 'ENOENT') {
    return `'${tool}' is not installed`;
  }

  const output = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  return `${tool} failed: ${e.message ?? String(error)}${output === '' ? '' : `\n${output}`}`;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0];
}

async function firstExisting(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (await exists(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
