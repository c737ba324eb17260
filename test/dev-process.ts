import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { Client, Connection } from '@temporalio/client';

import { BatchClient } from '../client/batches.js';
import { workDir } from './cli.js';
import { until } from './worker-stack.js';

/** A `molbatch dev` process (dev server and worker) on its own home, and clients of it. */
export class DevProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly home: string,
    readonly address: string,
    readonly batches: BatchClient,
    readonly raw: Client,
    private readonly connection: Connection,
  ) {}

  /** Starts `molbatch dev` with extra environment and waits for the address it prints. */
  static async start(env: Record<string, string> = {}): Promise<DevProcess> {
    const home = path.join(workDir(), '.molbatch');
    const child = spawn(process.execPath, ['bin/molbatch.js', 'dev'], {
      env: { ...process.env, TEMPORAL_ADDRESS: '', MOLBATCH_HOME: home, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise((resolve) => child.on('close', resolve));

    if (!(await until(() => /TEMPORAL_ADDRESS=\S+/.test(out), 120_000, exited))) {
      child.kill('SIGKILL');
      throw new Error(`molbatch dev did not come up; stdout:\n${out}\nstderr:\n${err}`);
    }
    const address = /TEMPORAL_ADDRESS=(\S+)/.exec(out)?.[1] as string;
    const connection = await Connection.connect({ address });
    const batches = await BatchClient.connect(address);
    return new DevProcess(child, home, address, batches, new Client({ connection }), connection);
  }

  /** The environment a CLI run needs to find this server through `$MOLBATCH_HOME/dev.json`. */
  cliEnv(): Record<string, string> {
    return { MOLBATCH_HOME: this.home };
  }

  /** Every run's history of a batch, first run first, walking back along continue-as-new. */
  async runHistories(batchId: string) {
    const histories = [];
    let runId: string | undefined;
    do {
      const history = await this.raw.workflow.getHandle(batchId, runId).fetchHistory();
      histories.unshift(history);
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      runId = started?.continuedExecutionRunId ?? undefined;
    } while (runId);
    return histories;
  }

  /** Stops `molbatch dev` as Ctrl-C does and waits for it to exit. */
  async stop(): Promise<void> {
    await this.batches.close();
    await this.connection.close();
    const exited = new Promise((resolve) => this.child.once('close', resolve));
    if (this.child.exitCode === null) {
      this.child.kill('SIGINT');
      await exited;
    }
  }
}
