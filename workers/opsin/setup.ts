import { execFile } from 'node:child_process';
import { access, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

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

const JDK_HINT = 'Java 17+ JDK (apt-get install openjdk-17-jdk-headless)';
const DEBIAN_JAVA_DIR = '/usr/share/java';

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

interface Jars {
  source: OpsinInstall['source'];
  jars: string[];
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

async function resolveJars(
  files: Layout,
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

async function mavenJars(files: Layout): Promise<string[]> {
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

function describeToolError(tool: string, error: unknown): string {
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

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}
