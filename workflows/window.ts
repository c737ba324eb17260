/** Where a walk over the chunks stopped: the next chunk index to launch. */
export type Cursor = number;

/**
 * Runs `work` for indexes from..count-1 with at most `width` in flight at once. Once `pause`
 * holds, no new index is launched; those in flight finish. Returns the next index not launched.
 */
export async function forEachInWindow(
  from: number,
  count: number,
  width: number,
  work: (i: number) => Promise<void>,
  pause: () => boolean = () => false,
): Promise<Cursor> {
  let next = from;
  const lane = async () => {
    // Each run launches one chunk at least, so a tight budget still makes progress.
  while (next < count && (next === from || !pause())) {
      await work(next++);
    }
  };
  const lanes = Math.max(1, Math.min(width, count - from));
  await Promise.all(Array.from({ length: lanes }, lane));
  return next;
}
