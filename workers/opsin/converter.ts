import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  cleanOpsinName,
  OpsinProcess,
  OpsinProcessError,
  type OpsinAnswer,
  type OpsinOptions,
  type OpsinProcessOptions,
} from './process.js';

/** Converts names with one lazily started OPSIN JVM that is replaced when it dies. */
export interface OpsinConverter {
  /** Answers every name; throws only when no JVM can be started (retryable). */
  convert(name: string, options?: OpsinOptions): Promise<OpsinAnswer>;
  /** Stops the JVM once the names in flight are answered. */
  close(): Promise<void>;
  /** The current JVM's process id, once one has started. */
  readonly pid: number | undefined;
}

/** Creates a converter over one OPSIN JVM that retries each name once on a fresh JVM. */
export function createOpsinConverter(opts: OpsinProcessOptions): OpsinConverter {
  let current: Promise<OpsinProcess> | undefined;
  let live: OpsinProcess | undefined;
  let closed = false;

  function launch(): Promise<OpsinProcess> {
    const starting = OpsinProcess.start(opts);
    current = starting;
    starting.then(
      (opsin) => {
        live = opsin;
      },
      () => {
        if (current === starting) {
          current = undefined;
        }
      },
    );
    return starting;
  }

  /** One replacement per dead JVM, however many of its names come asking. */
  async function usable(): Promise<OpsinProcess> {
    const handle = current ?? launch();
    const opsin = await handle;
    if (opsin.failed === undefined) {
      return opsin;
    }
    return current === handle ? launch() : (current ?? launch());
  }

  async function attempt(name: string, options?: OpsinOptions): Promise<OpsinAnswer> {
    const opsin = await usable();
    return opsin.convert(name, options);
  }

  async function convert(name: string, options?: OpsinOptions): Promise<OpsinAnswer> {
    if (closed) {
      throw new Error('OPSIN converter is closed');
    }

    try {
      return await attempt(name, options);
    } catch (error) {
      if (!isRetryable(error) || closed) {
        throw error;
      }
      // The suspect goes to the back of the new JVM's queue, so if it kills that JVM too,
      // the names that were only caught up in the first crash have been answered already.
      if (error.chemicalName === cleanOpsinName(name)) {
        await nextTurn();
      }
      return retry(name, options);
    }
  }

  async function retry(name: string, options?: OpsinOptions): Promise<OpsinAnswer> {
    try {
      return await attempt(name, options);
    } catch (error) {
      if (!isRetryable(error)) {
        throw error;
      }
      return workerFailure(error);
    }
  }

  async function close(): Promise<void> {
    closed = true;
    const opsin = await current?.catch(() => undefined);
    await opsin?.close();
  }

  return {
    convert,
    close,
    get pid() {
      return live?.pid;
    },
  };
}

/** A JVM that died or hung under a name earns a retry; one that cannot start does not. */
function isRetryable(error: unknown): error is OpsinProcessError {
  return error instanceof OpsinProcessError && (error.kind === 'exit' || error.kind === 'timeout');
}

function workerFailure(error: OpsinProcessError): OpsinAnswer {
  return {
    id: '',
    status: 'FAILURE',
    smiles: null,
    message: `OPSIN worker process failed: ${error.reason}`,
    warnings: [],
  };
}
