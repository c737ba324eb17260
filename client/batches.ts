import crypto from 'node:crypto';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import {
  Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowFailedError,
} from '@temporalio/client';

import { parseCheckConfig } from '../chem/config.js';
import { readConfig } from '../common/config.js';
import { rootCause } from '../common/errors.js';
import type { MoleculeResult, ValidateMoleculeInput } from '../common/molecule.js';
import { MAIN_QUEUE } from '../common/queues.js';
import {
  FAILED_KEY, MOLECULE_COUNT_KEY, PASSED_KEY, STATUS_KEY, SUBMITTER_KEY,
} from '../common/search-attributes.js';
import type {
  BatchOptions, BatchProgress, BatchResult, OpsinNameOptions, ValidateBatchInput,
} from '../common/types.js';
import { BatchStore, openStore, type ResultRow } from '../store/index.js';
import { readStatus, type BatchStatus } from './status.js';

const progressQueryName = 'progress';

/** Options a caller may set when starting a batch; the rest take their defaults. */
export type StartOptions = Partial<BatchOptions> & { batchId?: string };

/** Where `results` reads: the store the workers write (MOLBATCH_DATABASE_URL or SQLite). */
export interface ResultsOptions {
  /** `mysql://...`; by default MOLBATCH_DATABASE_URL, else the SQLite file under `home`. */
  databaseUrl?: string;
  /** The folder of the SQLite store; MOLBATCH_HOME by default. */
  home?: string;
  /** The first record index to read; 0 by default. */
  from?: number;
  /** Rows read from the store at once; 1,000 by default. */
  pageSize?: number;
}

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

  /** Starts validating the file at `file` (readable by the workers); returns the batch id. */
  async start(file: string, options: StartOptions = {}): Promise<string> {
    const batchId = options.batchId ?? newBatchId();
    const input: ValidateBatchInput = { batchId, source: { path: file }, options: batchOptions(options) };

    try {
      await this.client.workflow.start('validateBatch', {
        workflowId: batchId,
        taskQueue: MAIN_QUEUE,
        args: [input],
        // Results are stored by batch id: a second batch under one id would mix with the first.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: STATUS_KEY, value: 'ingesting' },
          { key: MOLECULE_COUNT_KEY, value: 0 },
          { key: PASSED_KEY, value: 0 },
          { key: FAILED_KEY, value: 0 },
          { key: SUBMITTER_KEY, value: input.options.submitter },
        ],
        staticSummary: `molbatch: ${path.basename(file)} by ${input.options.submitter}`,
        staticDetails: staticDetails(input),
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

  /** The state and counts of a running or closed batch; `uiBase` makes its Web UI link. */
  async status(batchId: string, uiBase = 'http://localhost:8233'): Promise<BatchStatus> {
    const uiUrl = batchUiUrl(uiBase, this.client.options.namespace, batchId);
    return readStatus(this.client, batchId, uiUrl);
  }

  /** Validates one SMILES, molfile or name on the fast lane and waits for the answer. */
  async validate(text: string, opsin?: OpsinNameOptions): Promise<MoleculeResult> {
    const input: ValidateMoleculeInput = opsin ? { text, opsin } : { text };
    return this.client.workflow.execute('validateMolecule', {
      workflowId: `molecule-${newBatchId().slice('batch-'.length)}`,
      taskQueue: MAIN_QUEUE,
      args: [input],
      staticSummary: `molbatch validate: ${text.split('\n')[0].slice(0, 80)}`,
    });
  }

  /** Streams a batch's results in input order, reading the store a page at a time. */
  async *results(batchId: string, options: ResultsOptions = {}): AsyncGenerator<ResultRow> {
    const config = readConfig();
    const orm = await openStore({
      url: options.databaseUrl ?? config.databaseUrl, home: options.home ?? config.home,
    });
    try {
      const store = new BatchStore(orm);
      for await (const page of store.readResults(batchId, options.pageSize, options.from)) {
        yield* page;
      }
    } finally {
      await orm.close();
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
    'chunkSize', 'concurrency', 'webhookUrl', 'webhookRetrySeconds', 'submitter', 'opsin',
    'maxHistoryEvents', 'checks',
  ];
  const picked = Object.fromEntries(
    keys.filter((k) => chosen[k] !== undefined).map((k) => [k, chosen[k]]),
  );
  // An unknown check code is the caller's mistake: say so before the batch starts.
  if (chosen.checks !== undefined) parseCheckConfig(chosen.checks);
  return { ...DEFAULT_OPTIONS, ...picked };
}

/** What the Web UI shows of a batch at the top of its page: where from and how, no secrets. */
function staticDetails(input: ValidateBatchInput): string {
  const { chunkSize, concurrency, webhookUrl } = input.options;
  const lines = [
    `source: \`${input.source.path}\``,
    `chunks of ${chunkSize}, ${concurrency} in flight`,
    `webhook: ${webhookUrl ? new URL(webhookUrl).host : 'none'}`,
  ];
  return lines.join('\n\n');
}

/** The Web UI page of a batch. */
export function batchUiUrl(uiBase: string, namespace: string, batchId: string): string {
  return `${uiBase}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(batchId)}`;
}
