import crypto from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import {
  Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowFailedError,
} from '@temporalio/client';

import { parseCheckConfig } from '../chem/config.js';
import { rootCause } from '../common/errors.js';
import { MAIN_QUEUE } from '../common/queues.js';
import type { BatchOptions, BatchProgress, BatchResult, ValidateBatchInput } from '../common/types.js';

const progressQueryName = 'progress';

/** Options a caller may set when starting a batch; the rest take their defaults. */
export type StartOptions = Partial<BatchOptions> & { batchId?: string };

/** Default per-batch options. */
export const DEFAULT_OPTIONS: BatchOptions = { chunkSize: 100, concurrency: 4, submitter: 'cli' };

/** A typed handle on the batches of one Temporal namespace. */
export class BatchClient {
  private constructor(
    private readonly client: Client,
    private readonly connection: Connection,
  ) {}

  /** Connects to a Temporal server (`host:port`). */
  static async connect(address: string, namespace = 'default'): Promise<BatchClient> {
    const connection = await Connection.connect({ address });
    return new BatchClient(new Client({ connection, namespace }), connection);
  }

  /** Starts validating the file at `path` (readable by the workers); returns the batch id. */
  async start(path: string, options: StartOptions = {}): Promise<string> {
    const batchId = options.batchId ?? newBatchId();
    const input: ValidateBatchInput = { batchId, source: { path }, options: batchOptions(options) };

    try {
      await this.client.workflow.start('validateBatch', {
        workflowId: batchId,
        taskQueue: MAIN_QUEUE,
        args: [input],
        // Results are stored by batch id: a second batch under one id would mix with the first.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new Error(`batch id ${batchId} has been used already; choose another`, { cause: error });
      }
      throw error;
    }
    return batchId;
  }

  /** The progress of a batch, from its workflow's `progress` query. */
  async progress(batchId: string): Promise<BatchProgress> {
    return this.client.workflow.getHandle(batchId).query<BatchProgress>(progressQueryName);
  }

  /** Waits for a batch to finish and returns its summary; rejects with the cause if it failed. */
  async wait(batchId: string): Promise<BatchResult> {
    try {
      return await this.client.workflow.getHandle(batchId).result();
    } catch (error) {
      if (error instanceof WorkflowFailedError) {
        throw new Error(`batch ${batchId} failed: ${rootCause(error).message}`, { cause: error });
      }
      throw error;
    }
  }

  /**
   * Asks a batch to stop and waits up to `graceMs` for it to close; a batch whose workers are
   * gone by then is terminated. Results stored so far are kept either way.
   */
  async cancel(batchId: string, graceMs = 10_000): Promise<void> {
    const handle = this.client.workflow.getHandle(batchId);
    await handle.cancel();

    const closed = await Promise.race([
      handle.result().then(() => true, () => true),
      delay(graceMs).then(() => false),
    ]);
    if (!closed) {
      await handle.terminate('cancelled, and no worker completed the cancellation in time');
    }
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.connection.close();
  }
}

/** A new batch id: sortable by time, unique. */
export function newBatchId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `batch-${stamp}-${crypto.randomBytes(3).toString('hex')}`;
}

/** Only the batch options travel to the workflow; a caller's other fields stay here. */
function batchOptions(chosen: StartOptions): BatchOptions {
  const keys: Array<keyof BatchOptions> = [
    'chunkSize', 'concurrency', 'webhookUrl', 'webhookRetrySeconds', 'submitter', 'opsin', 'checks',
  ];
  const picked = Object.fromEntries(
    keys.filter((k) => chosen[k] !== undefined).map((k) => [k, chosen[k]]),
  );
  // An unknown check code is the caller's mistake: say so before the batch starts.
  if (chosen.checks !== undefined) parseCheckConfig(chosen.checks);
  return { ...DEFAULT_OPTIONS, ...picked };
}

/** The Web UI page of a batch. */
export function batchUiUrl(uiBase: string, namespace: string, batchId: string): string {
  return `${uiBase}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(batchId)}`;
}
