/** Task queue of workflows and light I/O activities (ingest, audit, webhooks). */
export const MAIN_QUEUE = 'molbatch';
/** Task queue of CPU-bound chemistry activities. */
export const CHEM_QUEUE = 'molbatch-chem';
/** Task queue of name-to-structure conversion through OPSIN. */
export const OPSIN_QUEUE = 'molbatch-opsin';
/** Task queue of the chemistry and OPSIN work of small batches and single molecules. */
export const FAST_QUEUE = 'molbatch-fast';
/** Batches of at most this many records take the fast lane. */
export const FAST_LANE_MAX_RECORDS = 1000;
/** All task queues one default worker serves. */
export const ALL_QUEUES = [MAIN_QUEUE, CHEM_QUEUE, OPSIN_QUEUE, FAST_QUEUE] as const;
