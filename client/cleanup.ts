/** When a cleanup step runs: always, only after a signal, or only on a normal end. */
export type StepWhen = 'always' | 'signal' | 'normal';

interface Step {
  run: () => Promise<void> | void;
  when: StepWhen;
}

let interrupted = false;

/** Whether a signal is stopping this process; errors that follow from it are not news. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** Things to close, closed once in reverse order, on success, failure or Ctrl-C. */
export class Cleanup {
  private readonly steps: Step[] = [];
  private closing: Promise<void> | undefined;
  /** The signal that interrupted this process, if one did. */
  interruptedBy: NodeJS.Signals | undefined;

  /** Registers a step to run at close. */
  add(run: () => Promise<void> | void, when: StepWhen = 'always'): void {
    this.steps.push({ run, when });
  }

  /** Runs every step once, newest first; a failing step does not stop the others. */
  close(): Promise<void> {
    const skip: StepWhen = this.interruptedBy ? 'normal' : 'signal';
    this.closing ??= (async () => {
      for (const step of [...this.steps].reverse().filter((s) => s.when !== skip)) {
        try {
          await step.run();
        } catch (error) {
          process.stderr.write(`molbatch: while stopping: ${(error as Error).message}\n`);
        }
      }
    })();
    return this.closing;
  }

  /** Closes and exits on SIGINT or SIGTERM; a second signal exits at once. */
  closeOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const code = signal === 'SIGINT' ? 130 : 143;
      process.on(signal, () => {
        if (this.interruptedBy) {
          // process.exit still runs the exit hooks that kill child processes.
          process.exit(code);
        }
        this.interruptedBy = signal;
        interrupted = true;
        process.stderr.write(`\nmolbatch: ${signal}, stopping what was started (again to force)\n`);
        void this.close().finally(() => process.exit(code));
      });
    }
  }
}
