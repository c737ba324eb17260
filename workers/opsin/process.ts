import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { OpsinNameOptions } from '../../common/types.js';
import { OPSIN_WORKER_CLASS } from './setup.js';

/** OPSIN flags for one name; OPSIN's defaults apply to those left out. */
export type OpsinOptions = OpsinNameOptions;

/** OPSIN's answer for one name; `smiles` is null when the status is FAILURE. */
export interface OpsinAnswer {
  id: string;
  status: 'SUCCESS' | 'WARNING' | 'FAILURE';
  smiles: string | null;
  message: string;
  warnings: string[];
}

/** How to launch the OPSIN JVM. */
export interface OpsinProcessOptions {
  classpath: string;
  /** Maximum Java heap in MB; 512 by default. */
  heapMb?: number;
  /** The `java` binary; `java` on PATH by default. */
  javaPath?: string;
  /** Longest wait for one name's answer in ms before the JVM counts as hung; 30 000. */
  timeoutMs?: number;
  /** Longest wait for the ready line in ms; 60 000. */
  startTimeoutMs?: number;
}

/** Why the JVM stopped serving: it never became ready, exited, hung, or was closed. */
export type OpsinFailureKind = 'start' | 'exit' | 'timeout' | 'closed';

/** The OPSIN JVM failed; carries its exit code, signal, the suspect name and stderr's tail. */
export class OpsinProcessError extends Error {
  override readonly name = 'OpsinProcessError';

  constructor(
    /** What happened, without the stderr lines. */
    readonly reason: string,
    readonly kind: OpsinFailureKind,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderrTail: string[],
    /** The name the JVM was working on (the oldest unanswered one), if any. */
    readonly chemicalName?: string,
  ) {
    super(stderrTail.length === 0 ? reason : `${reason}; stderr:\n${stderrTail.join('\n')}`);
  }
}

/** Trims a name and turns line breaks into spaces; nothing else, so its meaning is kept. */
export function cleanOpsinName(name: string): string {
  return name.replace(/\r\n|[\n\r\u0085\u2028\u2029]/g, ' ').trim();
}

interface Pending {
  name: string;
  resolve: (answer: OpsinAnswer) => void;
  reject: (error: OpsinProcessError) => void;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

const STDERR_LINES = 20;
const STATUSES = new Set(['SUCCESS', 'WARNING', 'FAILURE']);

/** One long-lived OPSIN JVM that converts many names at once over a line protocol. */
export class OpsinProcess {
  private readonly pending = new Map<string, Pending>();
  private readonly outbox: string[] = [];
  private readonly stderrTail: string[] = [];
  private readonly ready = deferred();
  private readonly exited = deferred();
  private nextId = 1;
  private isReady = false;
  private stdinClosing = false;
  private closing?: Promise<void>;
  private watchdog?: NodeJS.Timeout;
  private failure?: OpsinProcessError;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly timeoutMs: number,
  ) {
    this.ready.promise.catch(() => undefined);
    this.listen();
  }

  /** Launches the JVM and resolves once OPSIN is loaded and warm. */
  static async start(opts: OpsinProcessOptions): Promise<OpsinProcess> {
    const args = [
      `-Xmx${opts.heapMb ?? 512}m`,
      // A JVM out of memory is better replaced than kept half-working.
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      opts.classpath,
      OPSIN_WORKER_CLASS,
    ];
    const child = spawn(opts.javaPath ?? 'java', args, { stdio: 'pipe' });
    const opsin = new OpsinProcess(child, opts.timeoutMs ?? 30_000);

    await opsin.waitUntilReady(opts.startTimeoutMs ?? 60_000);
    return opsin;
  }

  /** The JVM's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Why this process stopped serving, once it has. */
  get failed(): OpsinProcessError | undefined {
    return this.failure;
  }

  /** Converts one name; rejects with OpsinProcessError if the JVM dies or hangs meanwhile. */
  convert(name: string, options?: OpsinOptions): Promise<OpsinAnswer> {
    if (this.failure !== undefined) {
      return Promise.reject(this.failure);
    }
    if (this.closing !== undefined) {
      return Promise.reject(this.error('closed', 'OPSIN JVM is closing'));
    }

    const id = String(this.nextId++);
    const cleaned = cleanOpsinName(name);
    const request = options === undefined ? { id, name: cleaned } : { id, name: cleaned, options };

    return new Promise<OpsinAnswer>((resolve, reject) => {
      this.pending.set(id, { name: cleaned, resolve, reject });
      this.armWatchdog();
      this.outbox.push(`${JSON.stringify(request)}\n`);
      this.pump();
    });
  }

  /** Ends stdin so the JVM finishes what it has and exits; kills it after `graceMs`. */
  close(graceMs = 10_000): Promise<void> {
    this.closing ??= this.shutDown(graceMs);
    return this.closing;
  }

  private async shutDown(graceMs: number): Promise<void> {
    this.stdinClosing = true;
    this.pump();

    const killer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited.promise;
    clearTimeout(killer);
  }

  private listen(): void {
    const { child } = this;
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) =>
      this.onLine(line),
    );
    createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) =>
      this.remember(line),
    );

    child.stdin.on('drain', () => this.pump());
    child.stdin.on('error', (error) => this.remember(`stdin: ${error.message}`));
    child.on('error', (error) => this.onSpawnError(error));
    // 'close', not 'exit': by then every answer the JVM wrote has been read.
    child.on('close', (code, signal) => this.onClose(code, signal));
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const timer = setTimeout(() => {
      this.fail(this.error('start', `OPSIN JVM sent no ready line within ${timeoutMs} ms`));
    }, timeoutMs);

    try {
      await this.ready.promise;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Writes queued requests until the pipe is full; 'drain' calls this again. */
  private pump(): void {
    const { stdin } = this.child;
    while (this.outbox.length > 0 && !stdin.writableNeedDrain && !stdin.destroyed) {
      stdin.write(this.outbox.shift() as string);
    }

    if (this.outbox.length === 0 && this.stdinClosing && !stdin.writableEnded) {
      stdin.end();
    }
  }

  private onLine(line: string): void {
    const message = parseMessage(line);
    if (message === 'ready') {
      this.isReady = true;
      this.ready.resolve();
      return;
    }

    const waiter = message && this.pending.get(message.id);
    if (!message || !waiter) {
      this.remember(`stdout: ${line}`);
      return;
    }

    this.pending.delete(message.id);
    this.resetWatchdog();
    waiter.resolve(message);
  }

  private onSpawnError(error: Error): void {
    this.fail(this.error(this.isReady ? 'exit' : 'start', `OPSIN JVM failed: ${error.message}`));
    if (this.child.pid === undefined) {
      this.exited.resolve();
    }
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    const kind = this.closing ? 'closed' : this.isReady ? 'exit' : 'start';
    const how = signal === null ? `code ${code}` : `signal ${signal}`;
    this.fail(this.error(kind, `OPSIN JVM exited with ${how}`, code, signal));
    this.exited.resolve();
  }

  private armWatchdog(): void {
    if (this.watchdog === undefined && this.pending.size > 0) {
      this.watchdog = setTimeout(() => this.onHang(), this.timeoutMs);
    }
  }

  private resetWatchdog(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.armWatchdog();
  }

  /** The JVM answers in order, so silence means the oldest unanswered name is stuck. */
  private onHang(): void {
    const message = `OPSIN JVM gave no answer for ${this.timeoutMs} ms`;
    this.fail(this.error('timeout', message));
  }

  /** Rejects everything in flight, once, and makes sure the JVM is gone. */
  private fail(error: OpsinProcessError): void {
    if (this.failure !== undefined) {
      return;
    }

    this.failure = error;
    clearTimeout(this.watchdog);
    this.ready.reject(error);
    for (const waiter of this.pending.values()) {
      waiter.reject(error);
    }
    this.pending.clear();
    this.outbox.length = 0;

    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
  }

  private error(
    kind: OpsinFailureKind,
    message: string,
    code: number | null = null,
    signal: NodeJS.Signals | null = null,
  ): OpsinProcessError {
    const suspect = this.pending.values().next().value?.name;
    const text = suspect === undefined ? message : `${message} while converting "${suspect}"`;
    return new OpsinProcessError(text, kind, code, signal, [...this.stderrTail], suspect);
  }

  private remember(line: string): void {
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_LINES) {
      this.stderrTail.shift();
    }
  }
}

function parseMessage(line: string): OpsinAnswer | 'ready' | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }

  const v = value as Partial<OpsinAnswer> & { ready?: unknown };
  if (v?.ready === true) {
    return 'ready';
  }
  const valid =
    typeof v?.id === 'string' &&
    STATUSES.has(v.status as string) &&
    (v.smiles === null || typeof v.smiles === 'string') &&
    typeof v.message === 'string' &&
    Array.isArray(v.warnings);
  return valid ? (v as OpsinAnswer) : undefined;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
