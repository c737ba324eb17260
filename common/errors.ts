/** The innermost cause of an error: an activity's own message, not "Activity task failed". */
export function rootCause(error: Error): Error {
  let inner = error;
  while (inner.cause instanceof Error) {
    inner = inner.cause;
  }
  return inner;
}
