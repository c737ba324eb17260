import { workflowInfo } from '@temporalio/workflow';

/** Events a run's history may reach before it continues as new (Temporal's hard cap is 51,200;
 * ours is 10,000, and this leaves room for the chunks still in flight). */
export const MAX_HISTORY_EVENTS = 8000;
/** The smallest budget a batch may ask for; below it a run would do too little to advance. */
export const MIN_HISTORY_EVENTS = 200;

// A chunk with names costs two activities (3 events each) and up to two workflow tasks (3 each),
// plus a search attribute upsert now and then.
const EVENTS_PER_CHUNK = 16;
// The end of a run: the last upserts, continue-as-new or the completion, audit and webhook.
const EVENTS_RESERVED = 100;

/** The event budget of one run: the batch's own (for tests) within the bounds, or the default. */
export function historyBudget(asked: number | undefined): number {
  return Math.min(MAX_HISTORY_EVENTS, Math.max(MIN_HISTORY_EVENTS, asked ?? MAX_HISTORY_EVENTS));
}

/** Whether a run should launch no more chunks and continue as new once `inFlight` have finished. */
export function historyFull(budget: number, inFlight: number): boolean {
  const info = workflowInfo();
  const projected = info.historyLength + inFlight * EVENTS_PER_CHUNK + EVENTS_RESERVED;
  return info.continueAsNewSuggested || projected >= budget;
}
