import { Context } from '@temporalio/activity';

import type { AuditEventName, StatusCounts } from '../common/types.js';
import type { AuditEntry, BatchStore } from '../store/index.js';
import type { ActivityDeps } from './deps.js';

/** Input of `recordBatchEvent`: an audit event the workflow decides on. */
export interface RecordBatchEventInput {
  batchId: string;
  event: AuditEventName;
  actor: string;
  moleculeCount: number;
  counts: StatusCounts;
  details: Record<string, unknown>;
  /** The final state of the batch row, for the events that end a batch early. */
  finalState?: 'failed' | 'cancelled';
}

/** Records an audit event with the workflow and run ids of the calling activity. */
export async function recordFromActivity(
  store: BatchStore,
  entry: Omit<AuditEntry, 'workflowId' | 'runId'>,
): Promise<void> {
  const execution = Context.current().info.workflowExecution;
  await store.recordAudit({
    ...entry,
    workflowId: execution?.workflowId ?? entry.batchId,
    runId: execution?.runId ?? '',
  });
}

/** Builds the activity that writes one audit event, and the end state of a failed batch. */
export function recordBatchEventActivity({ store }: Pick<ActivityDeps, 'store'>) {
  return async function recordBatchEvent(input: RecordBatchEventInput): Promise<void> {
    const { finalState, counts, ...entry } = input;
    if (finalState) {
      const total = input.moleculeCount;
      await store.finishBatch(input.batchId, finalState, { ...counts, total });
    }
    await recordFromActivity(store, { ...entry, ...counts });
  };
}
