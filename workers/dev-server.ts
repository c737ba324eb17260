import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { Connection } from '@temporalio/client';

import { SEARCH_ATTRIBUTE_FLAGS } from '../common/search-attributes.js';

/** A Temporal dev server this process started. */
export interface DevServer {
  address: string;
  uiUrl: string;
  namespace: string;
  stop(): Promise<void>;
}

/** Options of the embedded dev server. */
export interface DevServerOptions {
  temporalPath: string;
  /** Folder for the server's SQLite file and log. */
  home: string;
  port?: number;
  uiPort?: number;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Starts `temporal server start-dev` on a SQLite file and waits until it answers. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  fs.mkdirSync(options.home, { recursive: true });
  const unlock = lockHome(options.home);
  const port = await freePort(options.port ?? 7233);
  const uiPort = await freePort(options.uiPort ?? 8233);
  const logFile = fs.openSync(path.join(options.home, 'temporal.log'), 'a');

  const child = spawn(options.temporalPath, [
    'server', 'start-dev',
    '--db-filename', path.join(options.home, 'temporal.db'),
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--http-port', String(await freePort(0)),
    '--metrics-port', String(await freePort(0)),
    '--log-level', 'warn',
    ...SEARCH_ATTRIBUTE_FLAGS.flatMap((pair) => ['--search-attribute', pair]),
  ], { stdio: ['ignore', logFile, logFile] });
  fs.closeSync(logFile);
  // Should this process die without stopping the server, do not leave it running on its own.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const address = `127.0.0.1:${port}`;
  try {
    await waitUntilServing(address, child);
  } catch (error) {
    await stopChild(child);
    unlock();
    throw error;
  }
  return {
    address,
    uiUrl: `http://localhost:${uiPort}`,
    namespace: 'default',
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
      unlock();
    },
  };
}

/** One dev server per database file: a second one on the same file would corrupt it. */
function lockHome(home: string): () => void {
  const lock = path.join(home, 'server.pid');
  const holder = Number(fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : NaN);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `${home} is in use by molbatch process ${holder}; stop it, or set MOLBATCH_HOME to another folder`,
    );
  }

  fs.writeFileSync(lock, String(process.pid));
  return () => fs.rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilServing(address: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the Temporal dev server exited with code ${child.exitCode}; see its log`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the Temporal dev server did not answer on ${address} within 60 s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The preferred port if it is free, otherwise (or for 0) one the system picks. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const actual = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(actual));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) as number;
}
