import { proxyActivities } from '@temporalio/workflow';

import { CHEM_QUEUE, FAST_QUEUE, OPSIN_QUEUE } from '../common/queues.js';
import type { Activities } from '../activities/index.js';
import { RETRY } from './retry.js';

/** The chunk activities of one lane: the chemistry and OPSIN queues, or the fast lane. */
export type ChunkActivities = Pick<Activities, 'validateChunk' | 'convertNames'>;

function chunkActivities(chemQueue: string, opsinQueue: string): ChunkActivities {
  const { validateChunk } = proxyActivities<Activities>({
    taskQueue: chemQueue,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '30 seconds',
    retry: RETRY,
  });
  const { convertNames } = proxyActivities<Activities>({
    taskQueue: opsinQueue,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: '30 seconds',
    retry: RETRY,
  });
  return { validateChunk, convertNames };
}

/** Chunks of big batches queue behind each other on the chemistry and OPSIN queues. */
export const normalLane = chunkActivities(CHEM_QUEUE, OPSIN_QUEUE);

/** Small batches and single molecules have a queue of their own, so they never wait behind big ones. */
export const fastLane = chunkActivities(FAST_QUEUE, FAST_QUEUE);
