import { defineQuery } from '@temporalio/workflow';

import type { BatchProgress } from '../common/types.js';

/** Answers the progress of a running batch. */
export const progressQuery = defineQuery<BatchProgress>('progress');
