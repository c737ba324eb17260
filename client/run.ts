import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { SingleBar } from 'cli-progress';

import type { BatchResult, WebhookOutcome } from '../common/types.js';
import { readConfig } from '../common/config.js';
import { BatchStore, openStore } from '../store/index.js';
import { BatchClient, batchUiUrl, type StartOptions } from './batches.js';
import { Cleanup } from './cleanup.js';
import { outputFormatOf, writeResults } from './export.js';
import { openStack, say, type Stack } from './stack.js';

/** Options of `molbatch run`. */
export interface RunOptions extends StartOptions {
  out?: string;
  summary?: string;
}

/** What `--summary` writes and `run` prints. */
export interface RunSummary {
  batchId: string;
  workflowId: string;
  total: number;
  passed: number;
  warned: number;
  failed: number;
  errored: number;
  durationMs: number;
  uiUrl: string;
  /** Present when a webhook was asked for. */
  webhook?: WebhookOutcome;
}

/** Runs one batch end to end and writes its results and summary. */
export async function runBatch(file: string, options: RunOptions): Promise<RunSummary> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) {
    throw new Error(`${file}: no such file`);
  }

  // An unknown results type must stop the run before the batch, not after it.
  if (options.out !== undefined) {
    outputFormatOf(options.out);
  }
  const config = readConfig();
  if (options.webhookUrl && !config.temporalAddress && !config.webhookSecret) {
    throw new Error('--webhook needs MOLBATCH_WEBHOOK_SECRET (the Standard Webhooks secret)');
  }

  const cleanup = new Cleanup();
  cleanup.closeOnSignals();
  try {
    const stack = await openStack(cleanup);
    const client = await BatchClient.connect(stack.address, stack.config.namespace);
    // Closing the connection under a pending long poll crashes the gRPC retry timer.
    cleanup.add(() => client.close(), 'normal');

    const started = Date.now();
    const batchId = await client.start(source, {
      ...options,
      webhookRetrySeconds: options.webhookUrl ? config.webhookRetrySeconds : undefined,
    });
    cleanup.add(() => stopInterrupted(client, batchId, stack.embedded), 'signal');
    const uiUrl = batchUiUrl(stack.uiBase, stack.config.namespace, batchId);
    say(`batch ${batchId} submitted; watch it at ${uiUrl}`);

    const result = await withProgressBar(client, batchId, cleanup);
    const summary = toRunSummary(result, Date.now() - started, uiUrl);
    await writeOutputs(stack, summary, options);
    if (stack.embedded) {
      say('the embedded server stops now; `npx molbatch dev --no-worker` serves the Web UI again');
    }
    return summary;
  } finally {
    if (!cleanup.interruptedBy) {
      await cleanup.close();
    }
  }
}

/**
 * On Ctrl-C, a batch on the embedded stack is cancelled, or it would come back to life at the
 * next run; a batch on a shared cluster goes on without us.
 */
async function stopInterrupted(client: BatchClient, batchId: string, embedded: boolean) {
  if (!embedded) {
    say(`batch ${batchId} goes on running on the server`);
    return;
  }
  await client.cancel(batchId);
  say(`batch ${batchId} cancelled; its results so far are kept`);
}

async function withProgressBar(
  client: BatchClient,
  batchId: string,
  cleanup: Cleanup,
): Promise<BatchResult> {
  const bar = new SingleBar({
    format: 'validating |{bar}| {value}/{total} molecules | {percentage}% | ETA {eta_formatted}',
    hideCursor: true,
  });
  let finished = false;
  let shown = false;
  // Restores the cursor the bar hid, on Ctrl-C too.
  cleanup.add(() => (shown ? bar.stop() : undefined), 'signal');
  const polling = (async () => {
    while (!finished) {
      const progress = await client.progress(batchId).catch(() => null);
      if (progress && progress.total > 0) {
        if (!shown) {
          bar.start(progress.total, 0);
          shown = true;
        }
        bar.update(progress.processed);
      }
      await delay(500);
    }
  })();

  try {
    return await client.wait(batchId);
  } finally {
    // The connection closes after this; no query may still be in flight then.
    finished = true;
    await polling;
    bar.stop();
  }
}

function toRunSummary(result: BatchResult, durationMs: number, uiUrl: string): RunSummary {
  const { batchId, workflowId, total, passed, warned, failed, errored, webhook } = result;
  return { batchId, workflowId, total, passed, warned, failed, errored, durationMs, uiUrl, webhook };
}

async function writeOutputs(stack: Stack, summary: RunSummary, options: RunOptions): Promise<void> {
  if (options.out) {
    const orm = await openStore({ url: stack.config.databaseUrl, home: stack.config.home });
    try {
      const format = outputFormatOf(options.out);
      const rows = await writeResults(new BatchStore(orm), summary.batchId, options.out, format);
      if (rows !== summary.total) {
        throw new Error(`wrote ${rows} result rows for ${summary.total} records`);
      }
    } finally {
      await orm.close();
    }
  }
  if (options.summary) {
    fs.writeFileSync(options.summary, `${JSON.stringify(summary, null, 2)}\n`);
  }
}

/** The summary as a person reads it. */
export function formatSummary(summary: RunSummary, options: RunOptions): string {
  const lines = [
    `batch ${summary.batchId} completed in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  molecules  ${summary.total}`,
    `  pass       ${summary.passed}`,
    `  warn       ${summary.warned}`,
    `  fail       ${summary.failed}`,
    `  error      ${summary.errored}`,
  ];
  if (options.out) {
    lines.push(`  results    ${options.out}`);
  }
  if (options.summary) {
    lines.push(`  summary    ${options.summary}`);
  }
  if (summary.webhook) {
    const { delivered, statusCode, error } = summary.webhook;
    lines.push(`  webhook    ${delivered ? `delivered (HTTP ${statusCode})` : `NOT delivered: ${error}`}`);
  }
  lines.push(`  Web UI     ${summary.uiUrl}`);
  return `${lines.join('\n')}\n`;
}
