/** Things to close, closed once in reverse order, on success, failure or Ctrl-C. */
export class Cleanup {
  private readonly steps: Array<() => Promise<void>> = [];
  private closing: Promise<void> | undefined;

  /** Registers a step to run at close. */
  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Runs every step once, newest first; a failing step does not stop the others. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step().catch((error: unknown) => {
          process.stderr.write(`molbatch: while stopping: ${(error as Error).message}\n`);
        });
      }
    })();
    return this.closing;
  }

  /** Closes and exits on SIGINT or SIGTERM. */
  closeOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`\nmolbatch: ${signal}, stopping what was started\n`);
        void this.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
    }
  }
}
