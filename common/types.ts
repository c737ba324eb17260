/** Outcome of one molecule: pass, warn, fail (invalid structure) or error (unreadable). */
export type MoleculeStatus = 'pass' | 'warn' | 'fail' | 'error';

/** The four statuses in the order reports list them. */
export const STATUSES: readonly MoleculeStatus[] = ['pass', 'warn', 'fail', 'error'];

/** Counts of molecules by status. */
export interface StatusCounts {
  passed: number;
  warned: number;
  failed: number;
  errored: number;
}

/** The events of a batch's audit trail; each is written once per batch. */
export type AuditEventName =
  | 'batch.submitted' | 'batch.started' | 'batch.completed' | 'batch.failed' | 'batch.cancelled';

/** Where a batch's records come from: a file the worker can read. */
export interface BatchSource {
  /** Absolute path of a CSV, TSV or .smi file. */
  path: string;
}

/** OPSIN flags for a batch's names; OPSIN's defaults apply to those left out. */
export interface OpsinNameOptions {
  /** Accept names of radicals (e.g. "methyl") instead of failing them. */
  allowRadicals?: boolean;
  /** Read "acetate"-style names as the acid when the word "acid" is missing. */
  allowAcidsWithoutAcid?: boolean;
  /** Stereochemistry OPSIN cannot place gives a WARNING (stereo dropped), not a FAILURE. */
  stereoAsWarning?: boolean;
}

/** How much a finding matters; it sets the status and the score. */
export type Severity = 'info' | 'warning' | 'error' | 'critical';

/** Which checks a batch runs and at which severity; every default check when absent. */
export interface CheckConfig {
  /** Run only these checks (codes). */
  only?: string[];
  /** Run every check but these. */
  skip?: string[];
  /** Severity overrides by check code. */
  severity?: Record<string, Severity>;
}

/** Per-batch options that travel in the workflow arguments (never secrets). */
export interface BatchOptions {
  /** Records per chunk activity; 100 by default. */
  chunkSize: number;
  /** Chunk activities in flight at once. */
  concurrency: number;
  /** Where to POST the signed summary when the batch ends; the secret stays on the worker. */
  webhookUrl?: string;
  /** How long the webhook delivery retries, in seconds; 60 when absent. */
  webhookRetrySeconds?: number;
  /** Who submitted the batch, for the audit trail. */
  submitter: string;
  /** How OPSIN reads the batch's names. */
  opsin?: OpsinNameOptions;
  /** Events a run's history may reach before it continues as new; 8,000 and at most that. */
  maxHistoryEvents?: number;
  /** Which chemistry checks run and at which severity; the defaults when absent. */
  checks?: CheckConfig;
}

/** What a run hands the next when it continues as new: a cursor and counts, never records. */
export interface BatchResume {
  /** The next chunk index to launch; every chunk before it is counted in `summary`. */
  cursor: number;
  /** What ingest returned; the next run does not ingest again. */
  ingested: { total: number; namedOnly: number };
  summary: BatchSummary;
  /** When the batch's first run started, in ms since the epoch. */
  startedAtMs: number;
  /** Runs so far, the first being 1. */
  run: number;
}

/** Input of the `validateBatch` workflow; the batch id is also the workflow id. */
export interface ValidateBatchInput {
  batchId: string;
  source: BatchSource;
  options: BatchOptions;
  /** Present in a run that continues an earlier one. */
  resume?: BatchResume;
}

/** What a chunk activity returns: counts only, never molecules. */
export interface ChunkSummary extends StatusCounts {
  chunkIndex: number;
  /** Records the chunk covered. */
  records: number;
  /** Findings by issue code. */
  issueCounts: Record<string, number>;
  /** Sum of the records' scores; absent in chunks summarised before scores existed. */
  scoreSum?: number;
}

/** The batch totals the workflow reports and returns. */
export interface BatchSummary extends StatusCounts {
  batchId: string;
  workflowId: string;
  /** Records read from the source; equals the sum of the four status counts when done. */
  total: number;
  chunksDone: number;
  chunkCount: number;
  issueCounts: Record<string, number>;
  /** Sum of the scores of the records counted; divide by the records for the mean. */
  scoreSum: number;
}

/** What became of the webhook of a batch. */
export interface WebhookOutcome {
  delivered: boolean;
  statusCode?: number;
  /** Why it was not delivered. */
  error?: string;
}

/** What the `validateBatch` workflow returns. */
export interface BatchResult extends BatchSummary {
  webhook?: WebhookOutcome;
}

/** Where a batch is; the first four while it runs, the last two when it ended early. */
export type BatchState =
  | 'ingesting' | 'validating' | 'finishing' | 'completed' | 'cancelled' | 'failed';

/** Progress of a running batch, as the `progress` query answers it. */
export interface BatchProgress extends BatchSummary {
  state: BatchState;
  /** Records validated so far. */
  processed: number;
}

/** Returns an all-zero set of status counts. */
export function zeroCounts(): StatusCounts {
  return { passed: 0, warned: 0, failed: 0, errored: 0 };
}

/** Maps a molecule status to the name of its counter. */
export function countKey(status: MoleculeStatus): keyof StatusCounts {
  switch (status) {
    case 'pass':
      return 'passed';
    case 'warn':
      return 'warned';
    case 'fail':
      return 'failed';
    case 'error':
      return 'errored';
  }
}
