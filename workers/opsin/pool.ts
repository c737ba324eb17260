import {
  cleanOpsinName,
  OpsinProcess,
  OpsinProcessError,
  type OpsinAnswer,
  type OpsinOptions,
  type OpsinProcessOptions,
} from './process.js';

/** How to run the pool's JVMs. */
export interface OpsinPoolOptions extends OpsinProcessOptions {
  /** JVMs to spread names over; 1 by default. */
  jvms?: number;
  /** Names written to one JVM before it answers; more wait in the pool. 32 by default. */
  window?: number;
}

/** What the pool has done since it was created. */
export interface OpsinPoolStats {
  /** Names answered, FAILURE answers included. */
  names: number;
  /** FAILURE answers: names OPSIN could not read, and names whose JVM failed twice. */
  failures: number;
  /** JVMs replaced after they died or hung. */
  restarts: number;
  /** JVMs running now. */
  jvms: number;
}

interface Job {
  name: string;
  options?: OpsinOptions;
  retried: boolean;
  resolve: (answer: OpsinAnswer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  starting?: Promise<OpsinProcess>;
  live?: OpsinProcess;
  inFlight: number;
}

/** OPSIN JVMs started on first use; a dead or hung one is replaced and its names retried once. */
export class OpsinPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly window: number;
  private readonly counts = { names: 0, failures: 0, restarts: 0 };
  private readonly idleWaiters: Array<() => void> = [];
  private closing?: Promise<void>;

  constructor(private readonly opts: OpsinPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.jvms ?? 1) }, () => ({ inFlight: 0 }));
    this.window = Math.max(1, opts.window ?? 32);
  }

  /**
   * Answers every name with OPSIN's answer, or a FAILURE naming the JVM fault after one retry;
   * rejects only when no JVM can start or the pool is closing (both retryable).
   */
  convert(name: string, options?: OpsinOptions): Promise<OpsinAnswer> {
    if (this.closing !== undefined) {
      return Promise.reject(new Error('OPSIN pool is closed'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ name, options, retried: false, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every JVM now and resolves once all are warm; rejects if one cannot start. */
  async warm(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.processOf(slot)));
  }

  /** Counters since creation. */
  stats(): OpsinPoolStats {
    const jvms = this.slots.filter((s) => s.live !== undefined && !s.live.failed).length;
    return { ...this.counts, jvms };
  }

  /** Process ids of the running JVMs. */
  pids(): number[] {
    return this.slots.flatMap((s) => (s.live?.failed ? [] : (s.live?.pid ?? [])));
  }

  /** Answers the names already taken, then stops every JVM. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    if (this.busy()) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
    const started = await Promise.all(this.slots.map((s) => s.starting?.catch(() => undefined)));
    await Promise.all(started.map((opsin) => opsin?.close()));
  }

  /** Hands queued names to the least busy JVM that has room in its window. */
  private dispatch(): void {
    for (let slot = this.leastBusy(); slot && this.queue.length > 0; slot = this.leastBusy()) {
      void this.run(slot, this.queue.shift() as Job);
    }
    if (!this.busy()) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.inFlight < this.window && (best === undefined || slot.inFlight < best.inFlight)) {
        best = slot;
      }
    }
    return best;
  }

  private busy(): boolean {
    return this.queue.length > 0 || this.slots.some((s) => s.inFlight > 0);
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.inFlight += 1;
    let opsin: OpsinProcess | undefined;
    try {
      opsin = await this.processOf(slot);
      this.answer(job, await opsin.convert(job.name, job.options));
    } catch (error) {
      this.recover(slot, opsin, job, error as Error);
    } finally {
      slot.inFlight -= 1;
      this.dispatch();
    }
  }

  /** The slot's JVM; one that died while idle is replaced first. */
  private async processOf(slot: Slot): Promise<OpsinProcess> {
    const opsin = await (slot.starting ?? this.launch(slot));
    if (opsin.failed === undefined) {
      return opsin;
    }
    this.replace(slot, opsin);
    return this.processOf(slot);
  }

  private launch(slot: Slot): Promise<OpsinProcess> {
    const starting = OpsinProcess.start(this.opts);
    slot.starting = starting;
    starting.then(
      (opsin) => {
        slot.live = opsin;
      },
      () => {
        // The next name tries a fresh start instead of inheriting this failure.
        if (slot.starting === starting) {
          slot.starting = undefined;
        }
      },
    );
    return starting;
  }

  /** One replacement per dead JVM, however many of its names report it. */
  private replace(slot: Slot, dead: OpsinProcess): void {
    if (slot.live !== dead) {
      return;
    }
    slot.live = undefined;
    slot.starting = undefined;
    this.counts.restarts += 1;
    if (this.closing === undefined) {
      this.launch(slot).catch(() => undefined);
    }
  }

  private recover(slot: Slot, opsin: OpsinProcess | undefined, job: Job, error: Error): void {
    const jvmFault =
      error instanceof OpsinProcessError && (error.kind === 'exit' || error.kind === 'timeout');
    if (opsin !== undefined && opsin.failed !== undefined) {
      this.replace(slot, opsin);
    }
    if (!jvmFault || this.closing !== undefined) {
      job.reject(error);
    } else if (job.retried) {
      this.answer(job, jvmFailure(error));
    } else {
      this.requeue(job, error);
    }
  }

  /**
   * The suspect goes to the back and the names only caught up in its crash to the front, so
   * that if the suspect kills the next JVM too, they have been answered before it does.
   */
  private requeue(job: Job, error: OpsinProcessError): void {
    job.retried = true;
    if (error.chemicalName === cleanOpsinName(job.name)) {
      this.queue.push(job);
    } else {
      this.queue.unshift(job);
    }
  }

  private answer(job: Job, answer: OpsinAnswer): void {
    this.counts.names += 1;
    if (answer.status === 'FAILURE') {
      this.counts.failures += 1;
    }
    job.resolve(answer);
  }
}

function jvmFailure(error: OpsinProcessError): OpsinAnswer {
  const message = `OPSIN worker process failed twice on this name: ${error.reason}`;
  return { id: '', status: 'FAILURE', smiles: null, message, warnings: [] };
}
