import fs from 'node:fs';
import path from 'node:path';

import type { Command } from 'commander';

import type { MoleculeResult } from '../common/molecule.js';
import { readConfig } from '../common/config.js';
import { batchFlagOptions, withBatchFlags } from './batch-flags.js';
import { BatchClient, batchUiUrl } from './batches.js';
import { Cleanup } from './cleanup.js';
import { opsinOptions, withOpsinFlags } from './convert.js';
import { connectLongLived, requireLongLived } from './dev-file.js';
import { openStack, say } from './stack.js';
import type { BatchStatus } from './status.js';

/** Adds `submit`, `status`, `cancel` and `validate`: the commands of a long-lived setup. */
export function addBatchCommands(program: Command): void {
  withBatchFlags(program.command('submit'))
    .description('Start validating FILE on a running server; prints the batch id and returns')
    .action(submitCommand);

  program.command('status')
    .description('Print the state and counts of a running or closed batch')
    .argument('<batch-id>', 'the batch id')
    .option('--json', 'print the status as JSON')
    .action(statusCommand);

  program.command('cancel')
    .description('Cancel a batch; the results so far are kept')
    .argument('<batch-id>', 'the batch id')
    .action(cancelCommand);

  withOpsinFlags(program.command('validate'))
    .description('Validate one SMILES, molfile or IUPAC name and print the result')
    .argument('<text>', 'a SMILES, a molfile, or a name (quote names with spaces)')
    .option('--json', 'print the result as JSON')
    .action(validateCommand);
}

async function submitCommand(file: string, opts: Record<string, unknown>): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) {
    throw new Error(`${file}: no such file`);
  }
  const { client, uiBase } = await requireLongLived();
  try {
    const batchId = await client.start(source, {
      ...await batchFlagOptions(opts),
      webhookRetrySeconds: opts.webhook ? readConfig().webhookRetrySeconds : undefined,
    });
    process.stdout.write(`${batchId}\n`);
    say(`watch it at ${batchUiUrl(uiBase, readConfig().namespace, batchId)}`);
  } finally {
    await client.close();
  }
}

async function statusCommand(batchId: string, opts: { json?: boolean }): Promise<void> {
  const { client, uiBase } = await requireLongLived();
  try {
    const status = await client.status(batchId, uiBase);
    process.stdout.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
  } finally {
    await client.close();
  }
}

async function cancelCommand(batchId: string): Promise<void> {
  const { client } = await requireLongLived();
  try {
    await client.cancel(batchId);
    say(`batch ${batchId} cancelled; its results so far are kept`);
  } finally {
    await client.close();
  }
}

/** Uses a running server when there is one; otherwise starts the embedded stack for one answer. */
async function validateCommand(text: string, opts: Record<string, unknown>): Promise<void> {
  const cleanup = new Cleanup();
  cleanup.closeOnSignals();
  try {
    let found = await connectLongLived();
    if (!found) {
      const stack = await openStack(cleanup);
      found = { client: await BatchClient.connect(stack.address), uiBase: stack.uiBase };
    }
    const { client } = found;
    cleanup.add(() => client.close(), 'normal');
    const result = await client.validate(text, opsinOptions(opts));
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatMolecule(result));
  } finally {
    if (!cleanup.interruptedBy) {
      await cleanup.close();
    }
  }
}

/** A batch's status as a person reads it. */
export function formatStatus(s: BatchStatus): string {
  const rows = [
    `batch ${s.batchId} ${s.state} (${(s.durationMs / 1000).toFixed(1)} s)`,
    `  molecules  ${s.total}`,
    `  processed  ${s.processed} (chunk ${s.chunksDone} of ${s.chunkCount})`,
    `  pass       ${s.passed}`,
    `  warn       ${s.warned}`,
    `  fail       ${s.failed}`,
    `  error      ${s.errored}`,
    `  Web UI     ${s.uiUrl}`,
  ];
  return `${rows.join('\n')}\n`;
}

/** One molecule's result, one `key value` line each. */
export function formatMolecule(r: MoleculeResult): string {
  const rows: Array<[string, string | number | null]> = [
    ['status', r.status], ['structure', r.fromName ? `${r.structure ?? ''} (from the name)` : r.structure],
    ['canonical', r.canonicalSmiles], ['inchikey', r.inchikey], ['formula', r.formula],
    ['mw', r.mw], ['score', r.score], ['issues', r.issues.join(';')], ['message', r.message],
  ];
  return rows.map(([key, value]) => `${key.padEnd(10)} ${value ?? ''}`.trimEnd()).join('\n') + '\n';
}
