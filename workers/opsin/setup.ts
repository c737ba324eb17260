import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { describeToolError, exists, OpsinSetupError, resolveJars } from './jars.js';

export { OpsinSetupError } from './jars.js';

const run = promisify(execFile);

/** The Java class that serves OPSIN conversions over stdin/stdout. */
export const OPSIN_WORKER_CLASS = 'molbatch.opsin.OpsinWorker';

/** How the OPSIN worker was installed and the classpath to start it with. */
export interface OpsinInstall {
  classpath: string;
  source: 'maven' | 'debian';
  opsinVersion: string;
}

/** Options of `ensureOpsin`. */
export interface EnsureOpsinOptions {
  projectRoot: string;
  log: (msg: string) => void;
  /** Where Debian's jars are looked for when Maven fails; /usr/share/java by default. */
  debianJavaDir?: string;
}

const JDK_HINT = 'Java 17+ JDK (apt-get install openjdk-17-jdk-headless)';
const DEBIAN_JAVA_DIR = '/usr/share/java';

interface Layout {
  root: string;
  vendor: string;
  lib: string;
  classes: string;
  classFile: string;
  installFile: string;
  source: string;
  pom: string;
}

const installs = new Map<string, Promise<OpsinInstall>>();

/** Fetches the OPSIN jars and compiles the worker once, cached under `vendor/opsin/`. */
export function ensureOpsin(opts: EnsureOpsinOptions): Promise<OpsinInstall> {
  const root = path.resolve(opts.projectRoot);
  let install = installs.get(root);
  if (install === undefined) {
    const debianDir = opts.debianJavaDir ?? DEBIAN_JAVA_DIR;
    install = installOpsin(layout(root), debianDir, opts.log).finally(() => installs.delete(root));
    installs.set(root, install);
  }
  return install;
}

function layout(root: string): Layout {
  const vendor = path.join(root, 'vendor', 'opsin');
  const java = path.join(root, 'workers', 'opsin', 'java');
  const classes = path.join(vendor, 'classes');
  return {
    root,
    vendor,
    lib: path.join(vendor, 'lib'),
    classes,
    classFile: path.join(classes, ...OPSIN_WORKER_CLASS.split('.')) + '.class',
    installFile: path.join(vendor, 'install.json'),
    source: path.join(java, 'src', 'OpsinWorker.java'),
    pom: path.join(java, 'pom.xml'),
  };
}

async function installOpsin(
  files: Layout,
  debianDir: string,
  log: (msg: string) => void,
): Promise<OpsinInstall> {
  const cached = await readCachedInstall(files);
  if (cached !== undefined) {
    return cached;
  }

  await checkJdk();
  const { source, jars } = await resolveJars(files, debianDir, log);

  log(`OPSIN: compiling ${path.relative(files.root, files.source)}`);
  await compile(files, jars);

  const classpath = [files.classes, ...jars].join(path.delimiter);
  const install: OpsinInstall = { classpath, source, opsinVersion: await workerVersion(classpath) };
  const record = { ...install, installedAt: new Date().toISOString() };
  await writeFile(files.installFile, `${JSON.stringify(record, null, 2)}\n`);

  log(`OPSIN ${install.opsinVersion} installed from ${source}`);
  return install;
}

/** The cached install counts only if its class is newer than the source and its jars exist. */
async function readCachedInstall(files: Layout): Promise<OpsinInstall | undefined> {
  const saved = await readInstallFile(files.installFile);
  if (saved === undefined) {
    return undefined;
  }

  const [classTime, sourceTime, pomTime, installTime] = await Promise.all(
    [files.classFile, files.source, files.pom, files.installFile].map(modifiedAt),
  );
  const stale =
    classTime === undefined ||
    classTime < (sourceTime ?? 0) ||
    (saved.source === 'maven' && (installTime ?? 0) < (pomTime ?? 0));
  if (stale) {
    return undefined;
  }

  const entries = saved.classpath.split(path.delimiter);
  const present = await Promise.all(entries.map(exists));
  return present.every(Boolean) ? saved : undefined;
}

async function readInstallFile(file: string): Promise<OpsinInstall | undefined> {
  try {
    const saved: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!isInstall(saved)) {
      return undefined;
    }
    return { classpath: saved.classpath, source: saved.source, opsinVersion: saved.opsinVersion };
  } catch {
    return undefined;
  }
}

function isInstall(value: unknown): value is OpsinInstall {
  const v = value as Partial<OpsinInstall> | null;
  return (
    typeof v?.classpath === 'string' &&
    (v.source === 'maven' || v.source === 'debian') &&
    typeof v.opsinVersion === 'string'
  );
}

async function checkJdk(): Promise<void> {
  const java = await javaMajor('java', ['-version']);
  const javac = await javaMajor('javac', ['-version']);

  if (java === undefined || javac === undefined) {
    const absent = java === undefined ? 'java' : 'javac';
    throw new OpsinSetupError(`OPSIN needs ${JDK_HINT}: '${absent}' is not on PATH`, [JDK_HINT]);
  }
  if (java < 17 || javac < 17) {
    const found = `java ${java}, javac ${javac}`;
    throw new OpsinSetupError(`OPSIN needs ${JDK_HINT}; found ${found}`, [JDK_HINT]);
  }
}

/** The major version a `java`/`javac` binary reports, or undefined if it cannot run. */
async function javaMajor(tool: string, args: string[]): Promise<number | undefined> {
  try {
    const { stdout, stderr } = await run(tool, args);
    const match = /(?:version "|javac )(\d+)(?:\.(\d+))?/.exec(`${stderr}\n${stdout}`);
    if (match === null) {
      return undefined;
    }
    const first = Number(match[1]);
    return first === 1 ? Number(match[2]) : first;
  } catch {
    return undefined;
  }
}

async function compile(files: Layout, jars: string[]): Promise<void> {
  await rm(files.classes, { recursive: true, force: true });
  await mkdir(files.classes, { recursive: true });

  const classpath = jars.join(path.delimiter);
  const args = ['-encoding', 'UTF-8', '--release', '17', '-cp', classpath, '-d', files.classes];
  try {
    await run('javac', [...args, files.source], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = describeToolError('javac', error);
    throw new OpsinSetupError(`Compiling ${files.source} failed`, [], detail);
  }
}

/** Runs the compiled worker once, which also proves the classpath is complete. */
async function workerVersion(classpath: string): Promise<string> {
  try {
    const { stdout } = await run('java', ['-cp', classpath, OPSIN_WORKER_CLASS, '--version']);
    return stdout.trim();
  } catch (error) {
    const detail = describeToolError('java', error);
    throw new OpsinSetupError('The compiled OPSIN worker does not start', [], detail);
  }
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}
