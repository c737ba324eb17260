import { EntitySchema, OptionalProps } from '@mikro-orm/core';

import type { MoleculeStatus } from '../common/types.js';
import { WebhookAttemptSchema, WebhookDeliverySchema } from './webhook-entities.js';

/** One submitted batch and its final counts. */
export class Batch {
  [OptionalProps]?: 'total' | 'passed' | 'warned' | 'failed' | 'errored' | 'createdAt';
  id!: string;
  workflowId!: string;
  sourcePath!: string;
  submitter!: string;
  state!: 'running' | 'completed' | 'failed' | 'cancelled';
  total = 0;
  passed = 0;
  warned = 0;
  failed = 0;
  errored = 0;
  createdAt: Date = new Date();
  completedAt?: Date | null;
}

/** One record of a batch's input, staged by the ingest activity. */
export class InputRecord {
  id?: number;
  batchId!: string;
  recordIndex!: number;
  /** Line number in the source file where the record starts (1-based). */
  line!: number;
  name?: string | null;
  /** Structure text as given (SMILES or molfile), if any. */
  input?: string | null;
  /** Structure produced by OPSIN from the name, when the record had none. */
  converted?: string | null;
  /** OPSIN's warnings about the conversion (status WARNING), one per line. */
  conversionWarnings?: string | null;
  /** Why the record could not be read or converted; such a record ends as `error`. */
  readError?: string | null;
  /** JSON object of the input's own properties (SD data items, other columns), in order. */
  properties?: string | null;
}

/** The validation result of one record; unique per (batch, record index). */
export class Result {
  id?: number;
  batchId!: string;
  recordIndex!: number;
  status!: MoleculeStatus;
  message!: string;
  issues!: string;
  canonicalSmiles?: string | null;
  inchikey?: string | null;
  formula?: string | null;
  mw?: number | null;
  /** 0-100; null for rows written before scores existed. */
  score?: number | null;
  /** JSON array of findings: code, severity, message, atoms. */
  findings?: string | null;
  /** JSON object of descriptors and rule outcomes. */
  properties?: string | null;
}

/** An append-only audit row; one per (batch, event). */
export class AuditEvent {
  [OptionalProps]?: 'createdAt';
  id?: number;
  batchId!: string;
  event!: string;
  workflowId!: string;
  runId!: string;
  actor!: string;
  moleculeCount = 0;
  passed = 0;
  warned = 0;
  failed = 0;
  errored = 0;
  /** JSON text with event-specific details. */
  details!: string;
  createdAt: Date = new Date();
}

const counts = {
  passed: { type: 'integer' },
  warned: { type: 'integer' },
  failed: { type: 'integer' },
  errored: { type: 'integer' },
} as const;

/** Schema of the `batches` table. */
export const BatchSchema = new EntitySchema<Batch>({
  class: Batch,
  tableName: 'batches',
  properties: {
    id: { type: 'string', primary: true, length: 128 },
    workflowId: { type: 'string', length: 128 },
    sourcePath: { type: 'text' },
    submitter: { type: 'string', length: 128 },
    state: { type: 'string', length: 16 },
    total: { type: 'integer' },
    ...counts,
    createdAt: { type: 'datetime' },
    completedAt: { type: 'datetime', nullable: true },
  },
});

/** Schema of the `input_records` table. */
export const InputRecordSchema = new EntitySchema<InputRecord>({
  class: InputRecord,
  tableName: 'input_records',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    batchId: { type: 'string', length: 128 },
    recordIndex: { type: 'integer' },
    line: { type: 'integer' },
    name: { type: 'text', nullable: true },
    input: { type: 'text', nullable: true },
    converted: { type: 'text', nullable: true },
    conversionWarnings: { type: 'text', nullable: true },
    readError: { type: 'text', nullable: true },
    properties: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'input_records_batch_index_unique', properties: ['batchId', 'recordIndex'] }],
});

/** Schema of the `results` table. */
export const ResultSchema = new EntitySchema<Result>({
  class: Result,
  tableName: 'results',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    batchId: { type: 'string', length: 128 },
    recordIndex: { type: 'integer' },
    status: { type: 'string', length: 8 },
    message: { type: 'text' },
    issues: { type: 'text' },
    canonicalSmiles: { type: 'text', nullable: true },
    inchikey: { type: 'string', length: 32, nullable: true },
    formula: { type: 'string', length: 255, nullable: true },
    mw: { type: 'double', nullable: true },
    score: { type: 'integer', nullable: true },
    findings: { type: 'text', nullable: true },
    properties: { type: 'text', nullable: true },
  },
  uniques: [{ name: 'results_batch_index_unique', properties: ['batchId', 'recordIndex'] }],
});

/** Schema of the append-only `audit_events` table. */
export const AuditEventSchema = new EntitySchema<AuditEvent>({
  class: AuditEvent,
  tableName: 'audit_events',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    batchId: { type: 'string', length: 128 },
    event: { type: 'string', length: 32 },
    workflowId: { type: 'string', length: 128 },
    runId: { type: 'string', length: 64 },
    actor: { type: 'string', length: 128 },
    moleculeCount: { type: 'integer' },
    ...counts,
    details: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
  uniques: [{ name: 'audit_events_batch_event_unique', properties: ['batchId', 'event'] }],
});

/** Every entity schema of the store. */
export const ALL_SCHEMAS = [
  BatchSchema, InputRecordSchema, ResultSchema, AuditEventSchema,
  WebhookDeliverySchema, WebhookAttemptSchema,
];
