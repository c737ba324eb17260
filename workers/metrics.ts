import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { ChunkSummary } from '../common/types.js';
import type { OpsinPoolStats } from './opsin/pool.js';

type Outcome = 'ok' | 'error';

/** molbatch's own Prometheus metrics, fed by an activity interceptor and the OPSIN pool. */
export class WorkerMetrics {
  /** The registry the metrics endpoint serves. */
  readonly registry = new Registry();

  private readonly molecules = new Counter({
    name: 'molbatch_molecules_total',
    help: 'Molecules validated, by status (pass, warn, fail, error)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  private readonly chunkSeconds = new Histogram({
    name: 'molbatch_chunk_duration_seconds',
    help: 'Duration of one chunk activity attempt',
    labelNames: ['activity', 'outcome'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  private readonly names = new Counter({
    name: 'molbatch_names_total',
    help: 'Names sent to OPSIN, by outcome (converted, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly webhookAttempts = new Counter({
    name: 'molbatch_webhook_attempts_total',
    help: 'Webhook delivery attempts, by outcome (delivered, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Publishes the OPSIN pool's size, restarts and failures, read at each scrape. */
  watchOpsin(stats: () => OpsinPoolStats): void {
    const registers = [this.registry];
    new Gauge({
      name: 'molbatch_opsin_jvms', help: 'OPSIN JVMs running', registers,
      collect() { this.set(stats().jvms); },
    });
    cumulative(registers, 'molbatch_opsin_restarts_total', 'OPSIN JVMs replaced',
      () => stats().restarts);
    cumulative(registers, 'molbatch_opsin_failures_total', 'OPSIN FAILURE answers',
      () => stats().failures);
  }

  /** An activity interceptor that times chunk activities and counts what they return. */
  interceptor(): ActivityInterceptorsFactory {
    return (ctx) => ({
      inbound: {
        execute: async (input, next) => {
          const activity = ctx.info.activityType;
          const stop = this.chunkSeconds.startTimer({ activity });
          try {
            const result = await next(input);
            this.finished(activity, 'ok', result, stop);
            return result;
          } catch (error) {
            this.finished(activity, 'error', undefined, stop);
            throw error;
          }
        },
      },
    });
  }

  private finished(activity: string, outcome: Outcome, result: unknown, stop: Stopper): void {
    switch (activity) {
      case 'validateChunk':
        stop({ outcome });
        if (result) {
          this.countMolecules(result as ChunkSummary);
        }
        break;
      case 'convertNames': {
        stop({ outcome });
        const counts = result as { converted: number; failed: number } | undefined;
        this.names.inc({ outcome: 'converted' }, counts?.converted ?? 0);
        this.names.inc({ outcome: 'failed' }, counts?.failed ?? 0);
        break;
      }
      case 'deliverWebhook':
        this.webhookAttempts.inc({ outcome: outcome === 'ok' ? 'delivered' : 'failed' });
        break;
    }
  }

  private countMolecules(summary: ChunkSummary): void {
    this.molecules.inc({ status: 'pass' }, summary.passed);
    this.molecules.inc({ status: 'warn' }, summary.warned);
    this.molecules.inc({ status: 'fail' }, summary.failed);
    this.molecules.inc({ status: 'error' }, summary.errored);
  }
}

type Stopper = (labels?: Partial<Record<'activity' | 'outcome', string>>) => number;

/** A counter that follows a running total kept elsewhere. */
function cumulative(registers: Registry[], name: string, help: string, total: () => number): void {
  let seen = 0;
  new Counter({
    name, help, registers,
    collect() {
      const now = total();
      if (now > seen) {
        this.inc(now - seen);
        seen = now;
      }
    },
  });
}
