import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';

import {
  FAILED_KEY, MOLECULE_COUNT_KEY, PASSED_KEY, STATUS_KEY,
} from '../common/search-attributes.js';
import { processed } from './aggregate.js';
import type { RunState } from './state.js';

// Search attributes cost an event each; a 10,000-chunk batch upserts about 100 times.
const UPSERTS_PER_BATCH = 100;
const MIN_CHUNKS_PER_UPSERT = 10;

/** Writes the state and counts to the search attributes and the Web UI's current details. */
export function publish(run: RunState): void {
  const s = run.totals.summary;
  upsertSearchAttributes([
    { key: STATUS_KEY, value: run.state },
    { key: MOLECULE_COUNT_KEY, value: s.total },
    { key: PASSED_KEY, value: s.passed + s.warned },
    { key: FAILED_KEY, value: s.failed + s.errored },
  ]);
  showDetails(run);
}

/** After a chunk: the details always, the search attributes every so many chunks. */
export function publishChunk(run: RunState): void {
  const { chunksDone, chunkCount } = run.totals.summary;
  const every = Math.max(MIN_CHUNKS_PER_UPSERT, Math.ceil(chunkCount / UPSERTS_PER_BATCH));
  if (chunksDone % every === 0) {
    publish(run);
  } else {
    showDetails(run);
  }
}

/** The current details the Web UI shows on the batch's page, in Markdown. */
export function detailsOf(run: RunState): string {
  const s = run.totals.summary;
  const done = processed(run.totals);
  const percent = s.total > 0 ? Math.floor((done / s.total) * 100) : 0;
  return [
    `**${run.state}**: ${done} of ${s.total} molecules (${percent}%),`,
    `chunk ${s.chunksDone} of ${s.chunkCount}`,
    `\n\npass ${s.passed} · warn ${s.warned} · fail ${s.failed} · error ${s.errored}`,
  ].join(' ');
}

function showDetails(run: RunState): void {
  setCurrentDetails(detailsOf(run));
}
