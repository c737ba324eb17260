import crypto from 'node:crypto';

import { Client, Connection, WorkflowFailedError } from '@temporalio/client';

import { MAIN_QUEUE } from '../common/queues.js';
import type { BatchOptions, BatchProgress, BatchSummary, ValidateBatchInput } from '../common/types.js';

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
    const { batchId = newBatchId(), ...chosen } = options;
    const input: ValidateBatchInput = {
      batchId,
      source: { path },
      options: { ...DEFAULT_OPTIONS, ...withoutUndefined(chosen) },
    };

    await this.client.workflow.start('validateBatch', {
      workflowId: batchId,
      taskQueue: MAIN_QUEUE,
      args: [input],
    });
    return batchId;
  }

  /** The progress of a batch, from its workflow's `progress` query. */
  async progress(batchId: string): Promise<BatchProgress> {
    return this.client.workflow.getHandle(batchId).query<BatchProgress>(progressQueryName);
  }

  /** Waits for a batch to finish and returns its summary; rejects with the cause if it failed. */
  async wait(batchId: string): Promise<BatchSummary> {
    try {
      return await this.client.workflow.getHandle(batchId).result();
    } catch (error) {
      if (error instanceof WorkflowFailedError && error.cause) {
        throw new Error(`batch ${batchId} failed: ${error.cause.message}`, { cause: error });
      }
      throw error;
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

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The Web UI page of a batch. */
export function batchUiUrl(uiBase: string, namespace: string, batchId: string): string {
  return `${uiBase}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(batchId)}`;
}
