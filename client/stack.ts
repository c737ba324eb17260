import { readConfig, type Config } from '../common/config.js';
import { startDevServer } from '../workers/dev-server.js';
import { ensureTools, projectRoot } from '../workers/setup/index.js';
import { startWorker } from '../workers/worker.js';
import { wasInterrupted, type Cleanup } from './cleanup.js';

/** Where batches go: a Temporal address and the base URL of its Web UI. */
export interface Stack {
  config: Config;
  address: string;
  uiBase: string;
  /** Whether this process started the dev server and a worker. */
  embedded: boolean;
}

/** Prints a progress line for a person, on stderr so stdout stays for results. */
export function say(message: string): void {
  process.stderr.write(`molbatch: ${message}\n`);
}

/**
 * Connects to TEMPORAL_ADDRESS, or starts the embedded dev server and a worker on this machine.
 * Everything started is registered with `cleanup`.
 */
export async function openStack(cleanup: Cleanup, withWorker = true): Promise<Stack> {
  const config = readConfig();
  if (config.temporalAddress) {
    const uiBase = process.env.TEMPORAL_UI_URL ?? 'http://localhost:8233';
    return { config, address: config.temporalAddress, uiBase, embedded: false };
  }

  const tools = await ensureTools(projectRoot(), say);
  say('starting the Temporal dev server');
  const server = await startDevServer({ temporalPath: tools.temporal, home: `${config.home}/temporal` });
  cleanup.add(server.stop);

  if (withWorker) {
    const worker = await startWorker({
      config,
      address: server.address,
      opsinClasspath: tools.opsinClasspath,
      logLevel: 'ERROR',
    });
    cleanup.add(worker.shutdown);
    worker.done.catch((error: unknown) => {
      if (wasInterrupted()) {
        return;
      }
      say(`the worker stopped: ${(error as Error).message}`);
      void cleanup.close().finally(() => process.exit(1));
    });
  }
  return { config, address: server.address, uiBase: server.uiUrl, embedded: true };
}
