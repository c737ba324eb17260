export { validateBatch } from './validate-batch.js';
export { validateMolecule } from './validate-molecule.js';
export { progressQuery } from './definitions.js';
