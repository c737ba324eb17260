import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

import mysql from 'mysql2/promise';

/** A MariaDB server a test started on its own port and datadir, so stopping it disturbs no one. */
export class OwnMariadb {
  private child: ChildProcess | undefined;

  /** The port, chosen at the first start and kept across restarts. */
  port = 0;

  constructor(readonly datadir: string) {}

  /** The URL of database `name` on this server. */
  url(name: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${name}`;
  }

  /** Initialises the datadir once, starts the server and waits until it answers. */
  async start(): Promise<void> {
    this.port ||= await freePort();
    if (!fs.existsSync(`${this.datadir}/mysql`)) {
      execFileSync('mariadb-install-db', [
        '--no-defaults', `--datadir=${this.datadir}`, '--user=root', '--skip-test-db',
      ], { stdio: 'ignore' });
    }
    // Grant tables off: the server is private to the test and listens on 127.0.0.1 only.
    this.child = spawn('mariadbd', [
      '--no-defaults', `--datadir=${this.datadir}`, `--port=${this.port}`, '--bind-address=127.0.0.1',
      `--socket=${this.datadir}/mariadb.sock`, `--pid-file=${this.datadir}/mariadb.pid`,
      '--user=root', '--skip-grant-tables',
    ], { stdio: 'ignore' });
    process.once('exit', () => this.child?.kill('SIGKILL'));
    await this.waitUntilAnswering();
  }

  /** Stops the server cleanly and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** Runs one statement on a fresh connection. */
  async query<T>(sql: string, database?: string): Promise<T> {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database });
    try {
      const [rows] = await connection.query(sql);
      return rows as T;
    } finally {
      await connection.end();
    }
  }

  private async waitUntilAnswering(): Promise<void> {
    for (let tries = 0; tries < 120; tries += 1) {
      if (this.child?.exitCode !== null) {
        throw new Error(`mariadbd exited with ${this.child?.exitCode} (datadir ${this.datadir})`);
      }
      if (await this.query('select 1').then(() => true, () => false)) {
        return;
      }
      await delay(500);
    }
    throw new Error(`mariadbd on port ${this.port} did not answer within 60 s`);
  }
}

function freePort(): Promise<number> {
  const server = net.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
