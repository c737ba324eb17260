export {
  BatchClient, DEFAULT_OPTIONS, newBatchId, batchUiUrl, type StartOptions,
} from './batches.js';
export { verifyWebhook, type BatchWebhookEvent, type WebhookHeaders } from './webhook.js';
export type {
  AuditEventName, BatchOptions, BatchProgress, BatchResult, BatchSummary, StatusCounts,
  WebhookOutcome,
} from '../common/types.js';
