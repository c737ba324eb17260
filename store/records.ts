import type { EntityManager, MikroORM } from '@mikro-orm/core';

import type { MoleculeStatus, StatusCounts } from '../common/types.js';
import { AuditEvent, Batch, InputRecord, Result } from './entities.js';
import { insertOnce } from './insert-once.js';

/** A record as read from the source, before it is staged. */
export interface StagedRecord {
  recordIndex: number;
  line: number;
  name: string | null;
  input: string | null;
  readError: string | null;
  /** The input's own properties (SD data items, other columns) in file order, or null. */
  properties: Record<string, string> | null;
}

/** What OPSIN made of one record's name. */
export interface Conversion {
  recordIndex: number;
  converted: string | null;
  /** OPSIN's warnings, one per line, when it answered WARNING. */
  conversionWarnings: string | null;
  readError: string | null;
}

/** One row of the results, joined with its input record, for export. */
export interface ResultRow {
  recordIndex: number;
  line: number;
  name: string | null;
  input: string | null;
  converted: string | null;
  status: MoleculeStatus;
  message: string;
  issues: string;
  canonicalSmiles: string | null;
  inchikey: string | null;
  formula: string | null;
  mw: number | null;
  score: number | null;
  /** Findings as the chemistry stored them: code, severity, message, atoms. */
  findings: unknown[];
  /** Descriptors and rule outcomes, or null when the molecule was not read. */
  properties: Record<string, unknown> | null;
  /** The input's own properties, in file order, or null. */
  inputProperties: Record<string, string> | null;
}

/** Values of one audit event; the store makes it unique per (batch, event). */
export interface AuditEntry extends StatusCounts {
  batchId: string;
  event: string;
  workflowId: string;
  runId: string;
  actor: string;
  moleculeCount: number;
  details: Record<string, unknown>;
}

/** The store's operations on batches, records, results and audit events. */
export class BatchStore {
  constructor(private readonly orm: MikroORM) {}

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  /** Creates the batch row if it does not exist yet. */
  async ensureBatch(values: Pick<Batch, 'id' | 'workflowId' | 'sourcePath' | 'submitter'>) {
    const em = this.em();
    const existing = await em.findOne(Batch, { id: values.id });
    if (existing) {
      return;
    }

    em.create(Batch, { ...values, state: 'running' });
    await insertOnce(() => em.flush());
  }

  /** Stages records; a retried ingest overwrites the same (batch, index) rows. */
  async stageRecords(batchId: string, records: StagedRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }

    const rows = records.map((r) => ({
      ...r,
      batchId,
      properties: r.properties === null ? null : JSON.stringify(r.properties),
    }));
    await this.em().upsertMany(InputRecord, rows, {
      onConflictFields: ['batchId', 'recordIndex'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['line', 'name', 'input', 'readError', 'properties'],
    });
  }

  /** Reads the input records with indexes in [from, to). */
  async readRecords(batchId: string, from: number, to: number): Promise<InputRecord[]> {
    return this.em().find(
      InputRecord,
      { batchId, recordIndex: { $gte: from, $lt: to } },
      { orderBy: { recordIndex: 'asc' } },
    );
  }

  /** Stores the structures OPSIN made from names, its warnings, or why it could not. */
  async saveConversions(batchId: string, conversions: Conversion[]): Promise<void> {
    const em = this.em();
    for (const { recordIndex, ...values } of conversions) {
      await em.nativeUpdate(InputRecord, { batchId, recordIndex }, values);
    }
  }

  /** Writes results; one row per (batch, index) however often a chunk runs. */
  async saveResults(batchId: string, results: Array<Omit<Result, 'id' | 'batchId'>>) {
    if (results.length === 0) {
      return;
    }

    await this.em().upsertMany(Result, results.map((r) => ({ ...r, batchId })), {
      onConflictFields: ['batchId', 'recordIndex'],
      onConflictAction: 'merge',
    });
  }

  /** Records an audit event once; returns false when the (batch, event) row was there already. */
  async recordAudit(entry: AuditEntry): Promise<boolean> {
    const em = this.em();
    const key = { batchId: entry.batchId, event: entry.event };
    if (await em.count(AuditEvent, key) > 0) {
      return false;
    }

    const row = { ...entry, details: JSON.stringify(entry.details), createdAt: new Date() };
    return insertOnce(() => em.insert(AuditEvent, row));
  }

  /** Marks the batch finished with its final counts. */
  async finishBatch(batchId: string, state: Batch['state'], counts: StatusCounts & { total: number }) {
    await this.em().nativeUpdate(Batch, { id: batchId }, {
      ...counts,
      state,
      completedAt: new Date(),
    });
  }

  /** Reads one batch row, or null when the store has no such batch. */
  async readBatch(batchId: string): Promise<Batch | null> {
    return this.em().findOne(Batch, { id: batchId });
  }

  /** Reads the audit events of a batch in the order they were written. */
  async readAudit(batchId: string): Promise<AuditEvent[]> {
    return this.em().find(AuditEvent, { batchId }, { orderBy: { id: 'asc' } });
  }

  /** Streams results joined with their records, in input order, a page at a time. */
  async *readResults(batchId: string, pageSize = 1000): AsyncGenerator<ResultRow[]> {
    for (let from = 0; ; from += pageSize) {
      const records = await this.readRecords(batchId, from, from + pageSize);
      if (records.length === 0) {
        return;
      }

      const results = await this.em().find(
        Result,
        { batchId, recordIndex: { $gte: from, $lt: from + pageSize } },
      );
      const byIndex = new Map(results.map((r) => [r.recordIndex, r]));
      yield records.map((record) => joinRow(record, byIndex.get(record.recordIndex)));
    }
  }
}

function joinRow(record: InputRecord, result: Result | undefined): ResultRow {
  return {
    recordIndex: record.recordIndex,
    line: record.line,
    name: record.name ?? null,
    input: record.input ?? null,
    converted: record.converted ?? null,
    status: result?.status ?? 'error',
    message: result?.message ?? 'no result was recorded for this record',
    issues: result?.issues ?? '',
    canonicalSmiles: result?.canonicalSmiles ?? null,
    inchikey: result?.inchikey ?? null,
    formula: result?.formula ?? null,
    mw: result?.mw ?? null,
    score: result?.score ?? null,
    findings: parseJson<unknown[]>(result?.findings) ?? [],
    properties: parseJson<Record<string, unknown>>(result?.properties),
    inputProperties: parseJson<Record<string, string>>(record.properties),
  };
}

function parseJson<T>(text: string | null | undefined): T | null {
  return text ? (JSON.parse(text) as T) : null;
}
