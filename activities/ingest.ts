import { ApplicationFailure, Context } from '@temporalio/activity';

import { zeroCounts } from '../common/types.js';
import type { StagedRecord } from '../store/index.js';
import { recordFromActivity } from './audit.js';
import type { ActivityDeps } from './deps.js';
import { readRecords } from './input/read-records.js';
import { UnreadableBatchError } from './input/errors.js';

/** Input of the `ingest` activity. */
export interface IngestInput {
  batchId: string;
  sourcePath: string;
  submitter: string;
}

/** Output of the `ingest` activity: counts only. */
export interface IngestOutput {
  total: number;
  /** Records that carry a name but no structure, for OPSIN. */
  namedOnly: number;
}

const STAGE_BATCH = 500;

/** Builds the activity that streams a source into the store, resuming after a retry. */
export function ingestActivity({ store }: Pick<ActivityDeps, 'store'>) {
  return async function ingest(input: IngestInput): Promise<IngestOutput> {
    const ctx = Context.current();
    const resumeFrom = (ctx.info.heartbeatDetails as number | undefined) ?? 0;
    await store.ensureBatch({
      id: input.batchId,
      workflowId: ctx.info.workflowExecution?.workflowId ?? input.batchId,
      sourcePath: input.sourcePath,
      submitter: input.submitter,
    });
    await recordFromActivity(store, {
      batchId: input.batchId,
      event: 'batch.submitted',
      actor: input.submitter,
      moleculeCount: 0,
      ...zeroCounts(),
      details: { sourcePath: input.sourcePath },
    });

    let pending: StagedRecord[] = [];
    let total = 0;
    let namedOnly = 0;
    try {
      for await (const record of readRecords(input.sourcePath)) {
        total += 1;
        namedOnly += record.input === null && record.name !== null ? 1 : 0;
        if (record.recordIndex < resumeFrom) {
          continue;
        }

        pending.push(record);
        if (pending.length >= STAGE_BATCH) {
          await store.stageRecords(input.batchId, pending);
          pending = [];
          ctx.heartbeat(total);
        }
      }
      await store.stageRecords(input.batchId, pending);
    } catch (error) {
      if (error instanceof UnreadableBatchError) {
        throw ApplicationFailure.nonRetryable(error.message, 'UnreadableBatchError');
      }
      throw error;
    }

    ctx.log.info('ingested batch', { batchId: input.batchId, moleculeCount: total, namedOnly });
    return { total, namedOnly };
  };
}
