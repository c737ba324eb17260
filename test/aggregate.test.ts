import { addChunk, emptyTotals, processed } from '../workflows/aggregate.js';
import type { ChunkSummary } from '../common/types.js';

function chunk(chunkIndex: number, passed: number, failed: number): ChunkSummary {
  return {
    chunkIndex, records: passed + failed, passed, warned: 0, failed, errored: 0,
    issueCounts: failed ? { valence: failed } : {},
  };
}

describe('adding chunk summaries', () => {
  test('a chunk delivered twice is counted once', () => {
    const totals = emptyTotals('b', 'b', 15, 2);

    expect(addChunk(totals, chunk(0, 8, 2))).toBe(true);
    expect(addChunk(totals, chunk(0, 8, 2))).toBe(false);
    expect(addChunk(totals, chunk(1, 5, 0))).toBe(true);

    expect(totals.summary).toMatchObject({ passed: 13, failed: 2, chunksDone: 2 });
    expect(totals.summary.issueCounts).toEqual({ valence: 2 });
    expect(processed(totals)).toBe(15);
  });
});
