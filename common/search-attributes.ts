import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** The batch's state: ingesting, validating, finishing, completed, cancelled or failed. */
export const STATUS_KEY = defineSearchAttributeKey('MolbatchStatus', SearchAttributeType.KEYWORD);
/** Records read from the batch's source. */
export const MOLECULE_COUNT_KEY = defineSearchAttributeKey(
  'MolbatchMoleculeCount', SearchAttributeType.INT);
/** Records that passed (pass or warn) so far. */
export const PASSED_KEY = defineSearchAttributeKey('MolbatchPassed', SearchAttributeType.INT);
/** Records that failed or could not be read so far. */
export const FAILED_KEY = defineSearchAttributeKey('MolbatchFailed', SearchAttributeType.INT);
/** Who submitted the batch. */
export const SUBMITTER_KEY = defineSearchAttributeKey(
  'MolbatchSubmitter', SearchAttributeType.KEYWORD);

/** Every search attribute molbatch sets, as `temporal server start-dev --search-attribute` takes them. */
export const SEARCH_ATTRIBUTE_FLAGS: readonly string[] = [
  'MolbatchStatus=Keyword', 'MolbatchMoleculeCount=Int', 'MolbatchPassed=Int',
  'MolbatchFailed=Int', 'MolbatchSubmitter=Keyword',
];
