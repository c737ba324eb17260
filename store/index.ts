export {
  openStore, migrateStore, storeOptions, describeStore, type StoreLocation,
} from './config.js';
export {
  BatchStore, type StagedRecord, type Conversion, type ResultRow, type AuditEntry,
} from './records.js';
export { WebhookStore, type AttemptEntry } from './webhooks.js';
export * from './entities.js';
export * from './webhook-entities.js';
