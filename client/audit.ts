import { readConfig } from '../common/config.js';
import {
  BatchStore, describeStore, migrateStore, openStore, type AuditEvent,
} from '../store/index.js';

/** `molbatch migrate`: applies the committed migrations; returns what to print. */
export async function migrateCommand(): Promise<string> {
  const config = readConfig();
  const location = { url: config.databaseUrl, home: config.home };
  const applied = await migrateStore(location);
  const where = describeStore(location);
  return applied.length === 0
    ? `${where}: up to date\n`
    : `${where}: applied ${applied.join(', ')}\n`;
}

/** `molbatch audit`: the audit rows of a batch, one per event, as a table or JSON. */
export async function auditCommand(batchId: string, json: boolean): Promise<string> {
  const config = readConfig();
  const location = { url: config.databaseUrl, home: config.home };
  const orm = await openStore(location);
  try {
    const rows = await new BatchStore(orm).readAudit(batchId);
    if (rows.length === 0) {
      throw new Error(`no audit events for batch ${batchId} in ${describeStore(location)}`);
    }
    return json ? `${JSON.stringify(rows.map(toJson), null, 2)}\n` : formatTable(rows);
  } finally {
    await orm.close();
  }
}

function toJson(row: AuditEvent) {
  return {
    batchId: row.batchId, event: row.event, workflowId: row.workflowId, runId: row.runId,
    actor: row.actor, moleculeCount: row.moleculeCount, passed: row.passed, warned: row.warned,
    failed: row.failed, errored: row.errored, details: JSON.parse(row.details) as unknown,
    createdAt: row.createdAt.toISOString(),
  };
}

function formatTable(rows: AuditEvent[]): string {
  const header = [
    'time', 'event', 'actor', 'molecules', 'pass', 'warn', 'fail', 'error', 'details',
  ];
  const lines = rows.map((r) => [
    r.createdAt.toISOString(), r.event, r.actor, r.moleculeCount, r.passed, r.warned, r.failed,
    r.errored, r.details,
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  // The details column is last and free-form; it is not padded.
  const pad = (cells: string[]) =>
    cells.map((c, i) => (i < 8 ? c.padEnd(widths[i]) : c)).join('  ');
  return `${[pad(header), ...lines.map(pad)].join('\n')}\n`;
}
