import { Context } from '@temporalio/activity';

import { countKey, zeroCounts, type ChunkSummary } from '../common/types.js';
import type { InputRecord, Result } from '../store/index.js';
import type { ActivityDeps, ChemResult } from './deps.js';

/** Input of the chunk activities: which records, by index range. */
export interface ChunkInput {
  batchId: string;
  chunkIndex: number;
  chunkSize: number;
}

/** Output of `convertNames`. */
export interface ConvertNamesOutput {
  converted: number;
  failed: number;
}

const HEARTBEAT_MS = 5000;

/** Builds the activity that turns names without structures into SMILES through OPSIN. */
export function convertNamesActivity({ store, opsin }: Pick<ActivityDeps, 'store' | 'opsin'>) {
  return async function convertNames(input: ChunkInput): Promise<ConvertNamesOutput> {
    const from = input.chunkIndex * input.chunkSize;
    const records = await store.readRecords(input.batchId, from, from + input.chunkSize);
    const named = records.filter((r) => !r.input && r.name && !r.converted && !r.readError);

    const answers = await whileHeartbeating(
      Promise.all(named.map(async (r) => ({ r, answer: await opsin.convert(r.name as string) }))),
    );
    const conversions = answers.map(({ r, answer }) => ({
      recordIndex: r.recordIndex,
      converted: answer.status === 'FAILURE' ? null : answer.smiles,
      readError: answer.status === 'FAILURE' ? `OPSIN could not convert the name: ${answer.message}` : null,
    }));
    await store.saveConversions(input.batchId, conversions);

    const failed = conversions.filter((c) => c.readError).length;
    return { converted: conversions.length - failed, failed };
  };
}

/** Builds the activity that validates one chunk and stores one result per record. */
export function validateChunkActivity({ store, chem }: Pick<ActivityDeps, 'store' | 'chem'>) {
  return async function validateChunk(input: ChunkInput): Promise<ChunkSummary> {
    const started = Date.now();
    const from = input.chunkIndex * input.chunkSize;
    const records = await store.readRecords(input.batchId, from, from + input.chunkSize);

    const readable = records.filter((r) => !r.readError && structureOf(r));
    const validated = await whileHeartbeating(
      chem.validate(readable.map((r) => ({ index: r.recordIndex, structure: structureOf(r) as string }))),
    );
    const byIndex = new Map(validated.map((v) => [v.index, v]));
    const results = records.map((r) => toResult(r, byIndex.get(r.recordIndex)));
    await store.saveResults(input.batchId, results);

    Context.current().log.debug('validated chunk', {
      batchId: input.batchId,
      chunkIndex: input.chunkIndex,
      moleculeCount: results.length,
      durationMs: Date.now() - started,
    });
    return summarise(input.chunkIndex, results);
  };
}

function structureOf(record: InputRecord): string | null {
  return record.input ?? record.converted ?? null;
}

function toResult(record: InputRecord, chem: ChemResult | undefined): Omit<Result, 'id' | 'batchId'> {
  if (chem) {
    const { index, issues, ...values } = chem;
    return { ...values, recordIndex: index, issues: issues.join(';') };
  }

  const message = record.readError ?? 'the record has a name that was never converted';
  return {
    recordIndex: record.recordIndex,
    status: 'error',
    message,
    issues: record.name && !record.input ? 'name-not-converted' : 'unreadable-record',
    canonicalSmiles: null,
    inchikey: null,
    formula: null,
    mw: null,
  };
}

/** Adds up a chunk's results into the small summary the workflow keeps. */
export function summarise(chunkIndex: number, results: Array<Pick<Result, 'status' | 'issues'>>) {
  const summary: ChunkSummary = { chunkIndex, records: results.length, issueCounts: {}, ...zeroCounts() };
  for (const result of results) {
    summary[countKey(result.status)] += 1;
    for (const code of result.issues ? result.issues.split(';') : []) {
      summary.issueCounts[code] = (summary.issueCounts[code] ?? 0) + 1;
    }
  }
  return summary;
}

/** Awaits work while heartbeating, so a dead worker is noticed in seconds, not at the timeout. */
async function whileHeartbeating<T>(work: Promise<T>): Promise<T> {
  const ctx = Context.current();
  const timer = setInterval(() => ctx.heartbeat(), HEARTBEAT_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
