import type { Client, WorkflowExecutionDescription } from '@temporalio/client';

import {
  FAILED_KEY, MOLECULE_COUNT_KEY, PASSED_KEY, STATUS_KEY,
} from '../common/search-attributes.js';
import type { BatchProgress, BatchResult, BatchState } from '../common/types.js';

/** A batch's status: the fields of the run summary, its state and how far it got. */
export interface BatchStatus {
  batchId: string;
  workflowId: string;
  state: BatchState | 'terminated' | 'timed-out';
  total: number;
  passed: number;
  warned: number;
  failed: number;
  errored: number;
  /** Records counted so far; `total` once completed. */
  processed: number;
  chunksDone: number;
  chunkCount: number;
  /** From the batch's start to its end, or to now while it runs. */
  durationMs: number;
  uiUrl: string;
}

const CLOSED_STATES: Record<string, BatchStatus['state']> = {
  COMPLETED: 'completed', CANCELLED: 'cancelled', FAILED: 'failed',
  TERMINATED: 'terminated', TIMED_OUT: 'timed-out',
};

/** Reads the status of a running or closed batch from its workflow. */
export async function readStatus(client: Client, batchId: string, uiUrl: string): Promise<BatchStatus> {
  const handle = client.workflow.getHandle(batchId);
  const latest = await handle.describe();
  const counts = await countsOf(client, batchId, latest);
  const closedState = CLOSED_STATES[latest.status.name];

  return {
    batchId,
    workflowId: batchId,
    ...counts,
    state: closedState && closedState !== 'completed' ? closedState : counts.state,
    durationMs: await durationOf(client, batchId, latest),
    uiUrl,
  };
}

type Counts = Omit<BatchStatus, 'batchId' | 'workflowId' | 'durationMs' | 'uiUrl'>;

/** A completed batch's result; otherwise its progress query; without a worker, its attributes. */
async function countsOf(client: Client, batchId: string, latest: WorkflowExecutionDescription) {
  const handle = client.workflow.getHandle(batchId);
  if (latest.status.name === 'COMPLETED') {
    const result: BatchResult = await handle.result();
    return fromSummary({ ...result, state: 'completed', processed: result.total });
  }
  try {
    return fromSummary(await handle.query<BatchProgress>('progress'));
  } catch {
    return fromAttributes(latest);
  }
}

function fromSummary(p: BatchProgress): Counts {
  const { state, total, passed, warned, failed, errored, processed, chunksDone, chunkCount } = p;
  return { state, total, passed, warned, failed, errored, processed, chunksDone, chunkCount };
}

/** The search attributes hold the state and two sums; the split within them is not known. */
function fromAttributes(latest: WorkflowExecutionDescription): Counts {
  const attributes = latest.typedSearchAttributes;
  const passed = attributes.get(PASSED_KEY) ?? 0;
  const failed = attributes.get(FAILED_KEY) ?? 0;
  return {
    state: (attributes.get(STATUS_KEY) ?? 'ingesting') as BatchState,
    total: attributes.get(MOLECULE_COUNT_KEY) ?? 0,
    passed, warned: 0, failed, errored: 0, processed: passed + failed, chunksDone: 0, chunkCount: 0,
  };
}

/** Continue-as-new makes runs; the batch began with the first. */
async function durationOf(client: Client, batchId: string, latest: WorkflowExecutionDescription) {
  const firstRunId = latest.raw.workflowExecutionInfo?.firstRunId;
  const first = firstRunId && firstRunId !== latest.runId
    ? await client.workflow.getHandle(batchId, firstRunId).describe()
    : latest;
  const end = latest.closeTime ?? new Date();
  return end.getTime() - first.startTime.getTime();
}
