import type { BatchSummary } from '../common/types.js';
import { recordFromActivity } from './audit.js';
import type { ActivityDeps } from './deps.js';

/** Input of `completeBatch`: the final totals the workflow added up. */
export interface CompleteBatchInput {
  summary: BatchSummary;
  submitter: string;
  durationMs: number;
}

/** Builds the activity that records the final counts and the `batch.completed` audit event. */
export function completeBatchActivity({ store }: Pick<ActivityDeps, 'store'>) {
  return async function completeBatch(input: CompleteBatchInput): Promise<void> {
    const { summary } = input;
    const counts = {
      passed: summary.passed,
      warned: summary.warned,
      failed: summary.failed,
      errored: summary.errored,
    };

    await store.finishBatch(summary.batchId, 'completed', { ...counts, total: summary.total });
    await recordFromActivity(store, {
      batchId: summary.batchId,
      event: 'batch.completed',
      actor: input.submitter,
      moleculeCount: summary.total,
      ...counts,
      details: { durationMs: input.durationMs, issueCounts: summary.issueCounts },
    });
  };
}
