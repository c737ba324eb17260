import type { BatchProgress, BatchState, StatusCounts } from '../common/types.js';
import { processed, type Totals } from './aggregate.js';

/** What the workflow knows of its batch as it goes. */
export interface RunState {
  state: BatchState;
  totals: Totals;
  /** Whether this run records search attributes, details and continue-as-new (version 2). */
  v2: boolean;
  /** Whether a cancel lets the chunks in flight finish and count before the batch ends (v3). */
  drain: boolean;
}

/** The counts of the totals by status. */
export function countsOf(totals: Totals): StatusCounts {
  const { passed, warned, failed, errored } = totals.summary;
  return { passed, warned, failed, errored };
}

/** The answer of the progress query. */
export function progressOf(run: RunState): BatchProgress {
  return { ...run.totals.summary, state: run.state, processed: processed(run.totals) };
}
