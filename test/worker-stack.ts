import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { Connection } from '@temporalio/client';
import mysql from 'mysql2/promise';

import { BatchClient } from '../client/batches.js';
import { startDevServer, type DevServer } from '../workers/dev-server.js';
import { freeLoopbackPort } from '../workers/metrics-server.js';
import { ensureTools, projectRoot } from '../workers/setup/index.js';
import { workDir } from './cli.js';
import { requireMariadb } from './mariadb.js';
import { sharedData } from './shared-data.js';

/** A `molbatch worker` process and what it printed. */
export interface WorkerProcess {
  child: ChildProcess;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** What the results table holds for one batch. */
export interface ResultIndexes {
  rows: number;
  distinct: number;
  lowest: number | null;
  highest: number | null;
}

/** A dev server on its own ports, MariaDB as the store, and `molbatch worker` processes. */
export class WorkerStack {
  private readonly workers: WorkerProcess[] = [];

  private constructor(
    public server: DevServer,
    readonly client: BatchClient,
    readonly connection: Connection,
    readonly storeUrl: string,
    readonly home: string,
    private readonly temporalPath: string,
  ) {}

  /** Starts the dev server on free ports and connects a client. */
  static async start(): Promise<WorkerStack> {
    const storeUrl = await requireMariadb();
    const tools = await ensureTools(projectRoot(), () => undefined);
    const home = path.join(workDir(), '.molbatch');
    const server = await startDevServer({
      temporalPath: tools.temporal,
      home: path.join(home, 'temporal'),
      port: await freeLoopbackPort(),
      uiPort: await freeLoopbackPort(),
    });
    const client = await BatchClient.connect(server.address);
    const connection = await Connection.connect({ address: server.address });
    return new WorkerStack(server, client, connection, storeUrl, home, tools.temporal);
  }

  /** Stops the dev server (SIGTERM), waits `downMs`, and starts it again on the same file and ports. */
  async restartServer(downMs: number): Promise<void> {
    const { address, uiUrl } = this.server;
    await this.server.stop();
    await delay(downMs);
    this.server = await startDevServer({
      temporalPath: this.temporalPath,
      home: path.join(this.home, 'temporal'),
      port: Number(address.split(':').pop()),
      uiPort: Number(new URL(uiUrl).port),
    });
    if (this.server.address !== address) {
      throw new Error(`the dev server came back on ${this.server.address}, not ${address}`);
    }
  }

  /** Spawns `molbatch worker` and resolves once it logs that it started. */
  async worker(queues: string[] | null, env: Record<string, string> = {}): Promise<WorkerProcess> {
    const args = ['bin/molbatch.js', 'worker', ...(queues ? ['--queues', queues.join(',')] : [])];
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: this.server.address,
        MOLBATCH_HOME: this.home,
        MOLBATCH_DATABASE_URL: this.storeUrl,
        MOLBATCH_LOG_FORMAT: 'json',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const worker = { child, stdout: () => out, exited };
    this.workers.push(worker);

    const started = await until(() => out.includes('"msg":"worker started"'), 90_000, exited);
    if (!started) {
      throw new Error(`the worker did not start; stdout:\n${out}\nstderr:\n${err}`);
    }
    return worker;
  }

  /** Pollers the server has seen on a task queue's activity (2) or workflow (1) side. */
  async pollers(queue: string, type: 1 | 2): Promise<number> {
    const answer = await this.connection.workflowService.describeTaskQueue({
      namespace: 'default', taskQueue: { name: queue }, taskQueueType: type,
    });
    return answer.pollers?.length ?? 0;
  }

  /** Result rows of a batch and how many distinct record indexes they cover. */
  async resultRows(batchId: string): Promise<{ rows: number; distinct: number }> {
    const { rows, distinct } = await this.resultIndexes(batchId);
    return { rows, distinct };
  }

  /** Result rows of a batch, their distinct record indexes, and the lowest and highest index. */
  async resultIndexes(batchId: string): Promise<ResultIndexes> {
    const db = await mysql.createConnection({ uri: this.storeUrl });
    try {
      const [found] = await db.query(
        'select count(*) as n, count(distinct record_index) as d, min(record_index) as lo, '
          + 'max(record_index) as hi from results where batch_id = ?',
        [batchId]);
      const row = (found as Array<Record<'n' | 'd' | 'lo' | 'hi', number | null>>)[0];
      return {
        rows: Number(row.n), distinct: Number(row.d), lowest: row.lo, highest: row.hi,
      };
    } finally {
      await db.end();
    }
  }

  /** Drains every worker still running (SIGTERM) and waits for it to exit. */
  async stopWorkers(): Promise<void> {
    const running = this.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
    running.forEach((w) => w.child.kill('SIGTERM'));
    await Promise.all(running.map((w) => w.exited));
  }

  /** Kills the workers still running, closes the client and stops the server. */
  async stop(): Promise<void> {
    for (const w of this.workers.filter((w) => w.child.exitCode === null)) {
      w.child.kill('SIGKILL');
      await w.exited;
    }
    await this.client.close();
    await this.connection.close();
    await this.server.stop();
  }
}

/** Polls `check` every 100 ms until it holds, the timeout passes, or `gone` settles. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  gone?: Promise<unknown>,
): Promise<boolean> {
  let ended = false;
  void gone?.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !ended) {
    if (await check()) {
      return true;
    }
    await delay(100);
  }
  return check();
}

/** The first `count` molecules of the HIV set, as a CSV file of their own. */
export function hivSubset(count: number): string {
  const hiv = sharedData('hiv.csv');
  const lines = fs.readFileSync(hiv, 'utf8').split('\n').slice(0, count + 1);
  const file = path.join(workDir(), `hiv-${count}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
