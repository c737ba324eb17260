import { Command } from 'commander';

import { readConfig } from '../common/config.js';
import { ALL_QUEUES } from '../common/queues.js';
import { ensureOpsin } from '../workers/opsin/setup.js';
import { ensureTools, projectRoot } from '../workers/setup/index.js';
import { auditCommand, migrateCommand } from './audit.js';
import { addBatchCommands } from './batch-commands.js';
import { batchFlagOptions, positiveInt, withBatchFlags } from './batch-flags.js';
import { Cleanup, wasInterrupted } from './cleanup.js';
import { namesToConvert, opsinOptions, printConversions, withOpsinFlags } from './convert.js';
import { writeDevFile } from './dev-file.js';
import { reportCommand } from './report/index.js';
import { resultsCommand } from './results.js';
import { formatSummary, runBatch } from './run.js';
import { openStack, say } from './stack.js';
import { parseQueues, workerCommand } from './worker-command.js';

const program = new Command('molbatch')
  .description('Validate batches of chemical structures as durable Temporal workflows')
  .showHelpAfterError();

program.command('setup')
  .description('Provision the Temporal CLI and OPSIN under vendor/ (idempotent)')
  .option('--opsin-only', 'provision OPSIN alone, as a worker image needs')
  .action(async (opts: { opsinOnly?: boolean }) => {
    if (opts.opsinOnly) {
      const opsin = await ensureOpsin({ projectRoot: projectRoot(), log: say });
      say(`ready: OPSIN classpath ${opsin.classpath.split(':').length} entries`);
      return;
    }
    const tools = await ensureTools(projectRoot(), say);
    const entries = tools.opsinClasspath.split(':').length;
    say(`ready: temporal at ${tools.temporal}; OPSIN classpath ${entries} entries`);
  });

withBatchFlags(program.command('run'))
  .description('Validate FILE (CSV, TSV, .smi or SDF) and wait for the results')
  .option('-o, --out <path>', 'write one result per input record (.csv, .sdf or .jsonl)')
  .option('-s, --summary <path>', 'write the batch summary as JSON')
  .action(async (file: string, opts) => {
    const options = { ...await batchFlagOptions(opts), out: opts.out, summary: opts.summary };
    const summary = await runBatch(file, options);
    process.stdout.write(formatSummary(summary, options));
  });

withOpsinFlags(program.command('convert'))
  .description('Convert IUPAC names to SMILES with OPSIN: name, status, SMILES, message per line')
  .argument('[names...]', 'names to convert (quote names with spaces)')
  .option('-f, --file <path>', 'also convert the names of this file, one per line')
  .action(async (args: string[], opts) => {
    const names = await namesToConvert(args, opts.file);
    await printConversions(names, opsinOptions(opts), (line) => process.stdout.write(line));
  });

program.command('dev')
  .description('Start the dev server (and a worker) and keep them up until Ctrl-C')
  .option('--no-worker', 'start the dev server alone')
  .action(async (opts: { worker: boolean }) => {
    if (readConfig().temporalAddress) {
      throw new Error('unset TEMPORAL_ADDRESS to start the embedded dev server');
    }
    const cleanup = new Cleanup();
    cleanup.closeOnSignals();
    const stack = await openStack(cleanup, opts.worker);
    // `submit`, `status`, `cancel` and `validate` find this server through the file.
    cleanup.add(writeDevFile(stack.config.home, {
      address: stack.address, uiBase: stack.uiBase, namespace: stack.config.namespace, pid: process.pid,
    }));
    process.stdout.write(`TEMPORAL_ADDRESS=${stack.address}\nWeb UI: ${stack.uiBase}\n`);
    say('running; Ctrl-C stops');
  });

program.command('migrate')
  .description('Apply the committed migrations to MOLBATCH_DATABASE_URL (or the SQLite store)')
  .action(async () => {
    process.stdout.write(await migrateCommand());
  });

program.command('audit')
  .description('Print the audit trail of a batch: one row per event')
  .argument('<batch-id>', 'the batch id')
  .option('--json', 'print the rows as JSON')
  .action(async (batchId: string, opts: { json?: boolean }) => {
    process.stdout.write(await auditCommand(batchId, Boolean(opts.json)));
  });

program.command('report')
  .description('Write a self-contained HTML report of a batch: summary, scores, findings, drawings')
  .argument('<batch-id>', 'the batch id')
  .option('-o, --out <path>', 'the HTML file to write', 'report.html')
  .option('--max-depictions <n>', 'draw (and list) at most this many failing (and unreadable)'
    + ' molecules', positiveInt, 50)
  .action(async (batchId: string, opts: { out: string; maxDepictions: number }) => {
    process.stdout.write(await reportCommand(batchId, opts));
  });

program.command('results')
  .description('Write the stored results of a batch: one entry per input record, in order')
  .argument('<batch-id>', 'the batch id')
  .requiredOption('-o, --out <path>', 'the file to write')
  .option('--format <format>', 'csv, sdf or jsonl (default: from the extension of --out)')
  .action(async (batchId: string, opts: { out: string; format?: string }) => {
    process.stdout.write(await resultsCommand(batchId, opts));
  });

program.command('worker')
  .description('Serve task queues against TEMPORAL_ADDRESS; SIGTERM drains, then exits 0')
  .option('--queues <list>', `comma-separated task queues (default: ${ALL_QUEUES.join(',')})`,
    parseQueues)
  .action(workerCommand);

addBatchCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // After Ctrl-C the signal handler stops everything and exits; the error is its echo.
  if (!wasInterrupted()) {
    process.stderr.write(`molbatch: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
