import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';

import {
  countKey, zeroCounts, type CheckConfig, type ChunkSummary, type OpsinNameOptions,
} from '../common/types.js';
import { parseCheckConfig } from '../chem/config.js';
import { problem, scoreOf } from '../chem/findings.js';
import type { Conversion, InputRecord, Result } from '../store/index.js';
import type { ActivityDeps, ChemResult, NameConversion } from './deps.js';

/** Input of the chunk activities: which records, by index range. */
export interface ChunkInput {
  batchId: string;
  chunkIndex: number;
  chunkSize: number;
}

/** Input of `validateChunk`: the chunk and the batch's check configuration when it has one. */
export interface ValidateChunkInput extends ChunkInput {
  checks?: CheckConfig;
}

/** Input of `convertNames`: the chunk and how OPSIN should read its names. */
export interface ConvertNamesInput extends ChunkInput {
  opsin?: OpsinNameOptions;
}

/** Output of `convertNames`. */
export interface ConvertNamesOutput {
  converted: number;
  failed: number;
}

const HEARTBEAT_MS = 5000;

/** Builds the activity that turns names without structures into SMILES through OPSIN. */
export function convertNamesActivity({ store, opsin }: Pick<ActivityDeps, 'store' | 'opsin'>) {
  return async function convertNames(input: ConvertNamesInput): Promise<ConvertNamesOutput> {
    const from = input.chunkIndex * input.chunkSize;
    const records = await store.readRecords(input.batchId, from, from + input.chunkSize);
    const named = records.filter((r) => !r.input && r.name && !r.converted && !r.readError);

    const conversions = await whileHeartbeating(Promise.all(named.map(async (r) => {
      const answer = await opsin.convert(r.name as string, input.opsin);
      return toConversion(r.recordIndex, answer);
    })));
    await store.saveConversions(input.batchId, conversions);

    const failed = conversions.filter((c) => c.readError).length;
    return { converted: conversions.length - failed, failed };
  };
}

/** Builds the activity that validates one chunk and stores one result per record. */
export function validateChunkActivity({ store, chem }: Pick<ActivityDeps, 'store' | 'chem'>) {
  return async function validateChunk(input: ValidateChunkInput): Promise<ChunkSummary> {
    const started = Date.now();
    const checks = checkConfig(input.checks);
    const from = input.chunkIndex * input.chunkSize;
    const records = await store.readRecords(input.batchId, from, from + input.chunkSize);

    const readable = records.filter((r) => !r.readError && structureOf(r));
    const validated = await whileHeartbeating(
      chem.validate(
        readable.map((r) => ({ index: r.recordIndex, structure: structureOf(r) as string })),
        checks,
      ),
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

/** A bad check configuration cannot get better on retry, so it fails the batch at once. */
function checkConfig(config: CheckConfig | undefined): CheckConfig | undefined {
  if (config === undefined) return undefined;
  try {
    return parseCheckConfig(config);
  } catch (err) {
    throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidCheckConfig');
  }
}

function toConversion(recordIndex: number, answer: NameConversion): Conversion {
  if (answer.status === 'FAILURE') {
    const readError = `OPSIN could not convert the name: ${answer.message}`;
    return { recordIndex, converted: null, conversionWarnings: null, readError };
  }

  const warnings = answer.warnings.length > 0 ? answer.warnings : [answer.message];
  const conversionWarnings = answer.status === 'WARNING' ? warnings.join('\n') : null;
  return { recordIndex, converted: answer.smiles, conversionWarnings, readError: null };
}

function structureOf(record: InputRecord): string | null {
  return record.input ?? record.converted ?? null;
}

function toResult(record: InputRecord, chem: ChemResult | undefined): Omit<Result, 'id' | 'batchId'> {
  if (chem) {
    return toRow(withOpsinWarnings(chem, record.conversionWarnings));
  }

  const message = record.readError ?? 'the record has a name that was never converted';
  const code = record.name && !record.input ? 'name-not-converted' : 'unreadable-record';
  return toRow({ index: record.recordIndex, ...problem('error', code, message) });
}

function toRow(chem: ChemResult): Omit<Result, 'id' | 'batchId'> {
  const { index, issues, findings, properties, ...values } = chem;
  return {
    ...values,
    recordIndex: index,
    issues: issues.join(';'),
    findings: JSON.stringify(findings),
    properties: properties === null ? null : JSON.stringify(properties),
  };
}

/** OPSIN's doubts about the name become a finding: the structure may not be what was meant. */
function withOpsinWarnings(chem: ChemResult, warnings: string | null | undefined): ChemResult {
  if (!warnings) {
    return chem;
  }

  const text = `OPSIN warned: ${warnings.split('\n').join('; ')}`;
  const findings = [...chem.findings, { code: 'opsin-warning', severity: 'warning', message: text } as const];
  return {
    ...chem,
    status: chem.status === 'pass' ? 'warn' : chem.status,
    message: chem.message ? `${chem.message}; ${text}` : text,
    issues: [...chem.issues, 'opsin-warning'],
    findings,
    score: chem.status === 'error' ? chem.score : scoreOf(findings),
  };
}

/** Adds up a chunk's results into the small summary the workflow keeps. */
export function summarise(
  chunkIndex: number,
  results: Array<Pick<Result, 'status' | 'issues' | 'score'>>,
) {
  const summary: ChunkSummary = {
    chunkIndex, records: results.length, issueCounts: {}, scoreSum: 0, ...zeroCounts(),
  };
  for (const result of results) {
    summary[countKey(result.status)] += 1;
    summary.scoreSum = (summary.scoreSum ?? 0) + (result.score ?? 0);
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
