import type { BatchSummary, ChunkSummary } from '../common/types.js';

/** Running totals of a batch, with the chunks already counted. */
export interface Totals {
  summary: BatchSummary;
  counted: Set<number>;
}

/** Starts the totals of a batch with nothing counted. */
export function emptyTotals(batchId: string, workflowId: string, total: number, chunkCount: number): Totals {
  return {
    summary: {
      batchId, workflowId, total, chunkCount, chunksDone: 0,
      passed: 0, warned: 0, failed: 0, errored: 0, issueCounts: {}, scoreSum: 0,
    },
    counted: new Set(),
  };
}

/** Adds a chunk's summary once; a chunk already counted changes nothing. Returns whether it counted. */
export function addChunk(totals: Totals, chunk: ChunkSummary): boolean {
  if (totals.counted.has(chunk.chunkIndex)) {
    return false;
  }
  totals.counted.add(chunk.chunkIndex);

  const s = totals.summary;
  s.passed += chunk.passed;
  s.warned += chunk.warned;
  s.failed += chunk.failed;
  s.errored += chunk.errored;
  s.scoreSum += chunk.scoreSum ?? 0;
  s.chunksDone += 1;
  for (const [code, n] of Object.entries(chunk.issueCounts)) {
    s.issueCounts[code] = (s.issueCounts[code] ?? 0) + n;
  }
  return true;
}

/** Records counted so far. */
export function processed(totals: Totals): number {
  const s = totals.summary;
  return s.passed + s.warned + s.failed + s.errored;
}
