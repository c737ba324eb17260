export {
  BatchClient, DEFAULT_OPTIONS, newBatchId, batchUiUrl, type ResultsOptions, type StartOptions,
} from './batches.js';
export type { BatchStatus } from './status.js';
export { verifyWebhook, type BatchWebhookEvent, type WebhookHeaders } from './webhook.js';
export type { MoleculeResult } from '../common/molecule.js';
export type { ResultRow } from '../store/index.js';
export type {
  AuditEventName, BatchOptions, BatchProgress, BatchResult, BatchState, BatchSummary,
  StatusCounts, WebhookOutcome,
} from '../common/types.js';
