import type { MessagePort } from 'node:worker_threads';
import type { InputLimits } from './budget.js';
import type { CheckConfig } from './findings.js';
import { loadRdkit, resetRdkit } from './rdkit.js';
import type { RDKitModule } from './rdkit.js';
import { prepareChecks } from './checks.js';
import { problem } from './findings.js';
import { validateStructure } from './validate.js';
import type { StructureResult, ValidateOptions } from './validate.js';

/** One structure to validate, with its position in the batch. */
export interface ChemRecord {
  index: number;
  structure: string;
}

/** The result of one record, carrying the record's index. */
export type ChemRecordResult = { index: number } & StructureResult;

/** What the pool sends to a worker thread. */
export interface ChemTask {
  records: ChemRecord[];
  /** Size limits applied before RDKit; the defaults of `InputLimits` when absent. */
  limits?: InputLimits;
  /** The batch's check configuration; every check at its default when absent. */
  checks?: CheckConfig;
  /** Receives one message once RDKit is loaded and the records start. */
  started?: MessagePort;
}

/** Piscina worker: validates a slice of records on this thread's RDKit instance. */
export default async function validateRecords(task: ChemTask): Promise<ChemRecordResult[]> {
  let rdkit = await loadRdkit();
  prepareChecks(rdkit);
  task.started?.postMessage('started');

  const results: ChemRecordResult[] = [];
  for (const record of task.records) {
    const result = validateRecord(rdkit, record, { ...task.limits, checks: task.checks });
    results.push(result);

    if (result.issues.includes('rdkit-exception')) {
      // A WASM trap can leave the module's memory corrupt, and every later
      // call would then fail the same way: start over with a fresh instance.
      resetRdkit();
      rdkit = await loadRdkit();
      prepareChecks(rdkit);
    }
  }
  return results;
}

function validateRecord(
  rdkit: RDKitModule,
  record: ChemRecord,
  opts: ValidateOptions,
): ChemRecordResult {
  try {
    return { index: record.index, ...validateStructure(rdkit, record.structure, opts) };
  } catch (err) {
    // A molecule's problem is data: an RDKit crash on one record must not fail the task.
    const message = `RDKit failed on this structure: ${describeError(err)}`;
    return { index: record.index, ...problem('error', 'rdkit-exception', message) };
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;

  // The WASM build throws WebAssembly.Exception objects that carry no message.
  return typeof err === 'object' && err !== null ? err.constructor.name : String(err);
}
