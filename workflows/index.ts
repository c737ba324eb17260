export { validateBatch } from './validate-batch.js';
export { progressQuery } from './definitions.js';
