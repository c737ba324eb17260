/** A source that cannot be read as a batch at all; retrying will not help. */
export class UnreadableBatchError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${path}: ${message}` : `${path}:${line}: ${message}`);
    this.name = 'UnreadableBatchError';
  }
}
