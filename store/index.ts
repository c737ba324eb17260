export { openStore, storeOptions, describeStore, type StoreLocation } from './config.js';
export { BatchStore, type StagedRecord, type Conversion, type ResultRow, type AuditEntry } from './records.js';
export * from './entities.js';
