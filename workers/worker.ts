import { fileURLToPath } from 'node:url';

import { got } from 'got';
import type { MikroORM } from '@mikro-orm/core';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';

import { createChemPool, type ChemPool } from '../chem/pool.js';
import { ALL_QUEUES, CHEM_QUEUE, MAIN_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import type { Config } from '../common/config.js';
import { createActivities } from '../activities/index.js';
import { BatchStore, openStore, WebhookStore } from '../store/index.js';
import { OpsinPool } from './opsin/pool.js';

/** A running set of Temporal workers and the resources they own. */
export interface RunningWorker {
  /** Settles when every worker has stopped. */
  done: Promise<void>;
  /** Stops polling, lets in-flight tasks finish, then closes pools and the store. */
  shutdown(): Promise<void>;
}

/** What a worker process needs to start. */
export interface WorkerOptions {
  config: Config;
  address: string;
  opsinClasspath: string;
  queues?: readonly string[];
  /** The SDK's log level: WARN for a worker process, ERROR under a progress bar. */
  logLevel?: LogLevel;
}

let runtimeInstalled = false;

/** Sets the level of the SDK's own logging, once per process. */
export function installRuntime(level: LogLevel): void {
  if (!runtimeInstalled) {
    // Entry points own SIGINT and SIGTERM, so shutdown happens once, in their order.
    Runtime.install({ logger: new DefaultLogger(level), shutdownSignals: [] });
    runtimeInstalled = true;
  }
}

/** Starts workers for the given task queues (all three by default) in this process. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  installRuntime(options.logLevel ?? 'WARN');
  const { config } = options;
  const orm: MikroORM = await openStore({ url: config.databaseUrl, home: config.home });
  const chem: ChemPool = createChemPool({ threads: config.chemThreads });
  const opsin = new OpsinPool({
    classpath: options.opsinClasspath,
    heapMb: config.opsinHeapMb,
    jvms: config.opsinJvms,
  });
  const close = async () => {
    await Promise.allSettled([chem.close(), opsin.close()]);
    await orm.close();
  };

  try {
    const activities = createActivities({
      store: new BatchStore(orm),
      chem,
      opsin,
      http: got,
      webhookSecret: config.webhookSecret,
      webhookAllowHosts: config.webhookAllowHosts,
      webhooks: new WebhookStore(orm),
    });
    const connection = await NativeConnection.connect({ address: options.address });
    const workers = await Promise.all((options.queues ?? ALL_QUEUES).map((queue) =>
      createQueueWorker(connection, config.namespace, queue, activities)));

    const done = Promise.all(workers.map((w) => w.run())).then(async () => {
      await connection.close();
      await close();
    });
    return { done, shutdown: async () => { workers.forEach((w) => w.shutdown()); await done; } };
  } catch (error) {
    await close();
    throw error;
  }
}

type Activities = ReturnType<typeof createActivities>;

function createQueueWorker(
  connection: NativeConnection,
  namespace: string,
  taskQueue: string,
  all: Activities,
): Promise<Worker> {
  // In-flight activities get 5 s to finish after a stop, then are cancelled; a stuck one is
  // abandoned after 20 s (its chunk is retried by the next worker).
  const common = {
    connection, namespace, taskQueue, shutdownGraceTime: '5s', shutdownForceTime: '20s',
  };
  switch (taskQueue) {
    case MAIN_QUEUE:
      return Worker.create({
        ...common,
        workflowsPath: fileURLToPath(new URL('../workflows/index.js', import.meta.url)),
        activities: {
          ingest: all.ingest,
          completeBatch: all.completeBatch,
          deliverWebhook: all.deliverWebhook,
          failWebhookDelivery: all.failWebhookDelivery,
          recordBatchEvent: all.recordBatchEvent,
        },
      });
    case CHEM_QUEUE:
      return Worker.create({ ...common, activities: { validateChunk: all.validateChunk } });
    case OPSIN_QUEUE:
      return Worker.create({ ...common, activities: { convertNames: all.convertNames } });
    default:
      throw new Error(`unknown task queue "${taskQueue}" (known: ${ALL_QUEUES.join(', ')})`);
  }
}
