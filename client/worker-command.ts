import { ALL_QUEUES, FAST_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import { readConfig, type Config } from '../common/config.js';
import { createLogger, type Logger } from '../common/log.js';
import { WorkerMetrics } from '../workers/metrics.js';
import { freeLoopbackPort, startMetricsServer } from '../workers/metrics-server.js';
import { ensureOpsin } from '../workers/opsin/setup.js';
import { projectRoot } from '../workers/setup/index.js';
import { installRuntime, startWorker, type RunningWorker } from '../workers/worker.js';

/** Options of `molbatch worker`. */
export interface WorkerCommandOptions {
  /** Task queues to serve; all four by default. */
  queues?: string[];
}

/** Parses `--queues a,b`: known task queue names, at least one. */
export function parseQueues(value: string): string[] {
  const queues = value.split(',').map((q) => q.trim()).filter(Boolean);
  const unknown = queues.filter((q) => !(ALL_QUEUES as readonly string[]).includes(q));
  if (queues.length === 0 || unknown.length > 0) {
    const known = ALL_QUEUES.join(', ');
    throw new Error(`unknown task queue "${unknown[0] ?? value}" (known: ${known})`);
  }
  return queues;
}

/**
 * Serves task queues against TEMPORAL_ADDRESS, logging JSON lines on stdout. The first SIGTERM
 * or SIGINT drains: polling stops, in-flight activities get the grace time, then the process
 * exits 0; a second signal exits at once.
 */
export async function workerCommand(options: WorkerCommandOptions): Promise<void> {
  const config = readConfig();
  if (!config.temporalAddress) {
    throw new Error('set TEMPORAL_ADDRESS to the Temporal server (host:port)');
  }
  const logger = createLogger(config);
  const queues = options.queues ?? [...ALL_QUEUES];

  const metrics = config.metricsPort ? new WorkerMetrics() : undefined;
  const sdkPort = metrics ? await freeLoopbackPort() : undefined;
  installRuntime({ logger, metricsAddress: sdkPort ? `127.0.0.1:${sdkPort}` : undefined });

  const needsOpsin = queues.includes(OPSIN_QUEUE) || queues.includes(FAST_QUEUE);
  const opsinClasspath = needsOpsin ? await opsinClasspathOf(logger) : '';
  const worker = await startWorker({
    config, address: config.temporalAddress, opsinClasspath, queues, metrics,
  });
  const server = metrics && config.metricsPort ? await startMetricsServer({
    host: config.metricsHost,
    port: config.metricsPort,
    registry: metrics.registry,
    sdkUrl: `http://127.0.0.1:${sdkPort}/metrics`,
    logger,
  }) : undefined;

  drainOnSignals(worker, logger, config);
  logger.info({
    queues, address: config.temporalAddress, namespace: config.namespace, metricsUrl: server?.url,
  }, 'worker started');
  try {
    await worker.done;
  } finally {
    await server?.close();
  }
  logger.info({ queues }, 'worker stopped');
  // The Temporal runtime keeps native handles open; the work is done, so leave now.
  process.exit(0);
}

async function opsinClasspathOf(logger: Logger): Promise<string> {
  const install = await ensureOpsin({
    projectRoot: projectRoot(),
    log: (detail) => logger.info({ detail }, 'OPSIN setup'),
  });
  return install.classpath;
}

function drainOnSignals(worker: RunningWorker, logger: Logger, config: Config): void {
  let draining = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (draining) {
        logger.warn({ signal }, 'second signal: exiting without draining');
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      draining = true;
      logger.info({ signal, graceSeconds: config.shutdownGraceSeconds }, 'worker draining');
      void worker.shutdown().catch((error: unknown) => {
        logger.error({ err: error }, 'worker drain failed');
        process.exit(1);
      });
    });
  }
}
