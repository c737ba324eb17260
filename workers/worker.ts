import { fileURLToPath } from 'node:url';

import { got } from 'got';
import type { MikroORM } from '@mikro-orm/core';
import {
  DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel, type WorkerInterceptors,
} from '@temporalio/worker';

import { createChemPool, type ChemPool } from '../chem/pool.js';
import { ALL_QUEUES, CHEM_QUEUE, FAST_QUEUE, MAIN_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import type { Config } from '../common/config.js';
import { createActivities } from '../activities/index.js';
import type { Logger } from '../common/log.js';
import { BatchStore, openStore, WebhookStore } from '../store/index.js';
import type { WorkerMetrics } from './metrics.js';
import { OpsinPool } from './opsin/pool.js';
import { sdkLogger } from './sdk-logger.js';

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
  /** The SDK's log level when no runtime is installed yet: ERROR under a progress bar. */
  logLevel?: LogLevel;
  /** Times and counts activities, and watches the OPSIN pool. */
  metrics?: WorkerMetrics;
}

/** How the process's Temporal runtime logs and exports metrics. */
export interface RuntimeSetup {
  /** Where the SDK's, workflows' and activities' logs go; the SDK's stderr logger otherwise. */
  logger?: Logger;
  /** The SDK's stderr log level, when no logger is given. */
  level?: LogLevel;
  /** `host:port` of the SDK's own Prometheus exporter; none by default. */
  metricsAddress?: string;
}

let runtimeInstalled = false;

/** Installs the Temporal runtime once per process; later calls change nothing. */
export function installRuntime(setup: RuntimeSetup): void {
  if (runtimeInstalled) {
    return;
  }

  const metrics = setup.metricsAddress
    ? { prometheus: { bindAddress: setup.metricsAddress, countersTotalSuffix: true } }
    : undefined;
  const logging = setup.logger
    ? { filter: { core: 'WARN' as const, other: 'ERROR' as const }, forward: {} }
    : undefined;
  Runtime.install({
    logger: setup.logger ? sdkLogger(setup.logger) : new DefaultLogger(setup.level ?? 'WARN'),
    telemetryOptions: { logging, metrics },
    // Entry points own SIGINT and SIGTERM, so shutdown happens once, in their order.
    shutdownSignals: [],
  });
  runtimeInstalled = true;
}

/** Starts workers for the given task queues (all three by default) in this process. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  installRuntime({ level: options.logLevel ?? 'WARN' });
  const { config } = options;
  const orm: MikroORM = await openStore({ url: config.databaseUrl, home: config.home });
  const chem: ChemPool = createChemPool({ threads: config.chemThreads });
  const opsin = new OpsinPool({
    classpath: options.opsinClasspath,
    heapMb: config.opsinHeapMb,
    jvms: config.opsinJvms,
  });
  options.metrics?.watchOpsin(() => opsin.stats());
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
    const settings: QueueSettings = {
      connection,
      namespace: config.namespace,
      graceSeconds: config.shutdownGraceSeconds,
      interceptors: options.metrics ? { activity: [options.metrics.interceptor()] } : {},
    };
    const workers = await Promise.all((options.queues ?? ALL_QUEUES).map((queue) =>
      createQueueWorker(settings, queue, activities)));

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

/** What every queue's worker shares. */
interface QueueSettings {
  connection: NativeConnection;
  namespace: string;
  graceSeconds: number;
  interceptors: WorkerInterceptors;
}

function createQueueWorker(settings: QueueSettings, taskQueue: string, all: Activities) {
  const { connection, namespace, graceSeconds, interceptors } = settings;
  // After a stop, in-flight activities get the grace time to finish, then are cancelled; one that
  // ignores the cancellation is abandoned 15 s later and its chunk retried by another worker.
  const common = {
    connection, namespace, taskQueue, interceptors,
    shutdownGraceTime: `${graceSeconds}s`,
    shutdownForceTime: `${graceSeconds + 15}s`,
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
    case FAST_QUEUE:
      return Worker.create({ ...common, activities: fastActivities(all) });
    default:
      throw new Error(`unknown task queue "${taskQueue}" (known: ${ALL_QUEUES.join(', ')})`);
  }
}

/** The fast lane runs the chunks of small batches and single molecules, chemistry and OPSIN. */
function fastActivities(all: Activities) {
  const { validateChunk, convertNames, validateStructure, convertName } = all;
  return { validateChunk, convertNames, validateStructure, convertName };
}
