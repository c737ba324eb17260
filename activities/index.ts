import { convertNamesActivity, validateChunkActivity } from './chunks.js';
import { completeBatchActivity } from './complete.js';
import type { ActivityDeps } from './deps.js';
import { ingestActivity } from './ingest.js';
import { convertNameActivity, validateStructureActivity } from './molecule.js';
import { deliverWebhookActivity, failWebhookDeliveryActivity } from './webhook.js';
import { recordBatchEventActivity } from './audit.js';

export type { ActivityDeps, ChemValidator, NameConverter } from './deps.js';
export type { IngestInput, IngestOutput } from './ingest.js';
export type {
  ChunkInput, ConvertNamesInput, ConvertNamesOutput, ValidateChunkInput,
} from './chunks.js';
export type { CompleteBatchInput } from './complete.js';
export type { DeliverWebhookInput, DeliverWebhookOutput, FailWebhookInput } from './webhook.js';
export type { RecordBatchEventInput } from './audit.js';
export type { ConvertNameInput, StructureOutput, ValidateStructureInput } from './molecule.js';

/** Builds every activity from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ingest: ingestActivity(deps),
    convertNames: convertNamesActivity(deps),
    validateChunk: validateChunkActivity(deps),
    completeBatch: completeBatchActivity(deps),
    deliverWebhook: deliverWebhookActivity(deps),
    failWebhookDelivery: failWebhookDeliveryActivity(deps),
    recordBatchEvent: recordBatchEventActivity(deps),
    validateStructure: validateStructureActivity(deps),
    convertName: convertNameActivity(deps),
  };
}

/** The activities, as workflows see their types. */
export type Activities = ReturnType<typeof createActivities>;
