import { loadRdkit } from './rdkit.js';
import type { RDKitModule } from './rdkit.js';
import { validateStructure } from './validate.js';
import type { StructureResult } from './validate.js';

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
}

/** Piscina worker: validates a slice of records on this thread's RDKit instance. */
export default async function validateRecords(task: ChemTask): Promise<ChemRecordResult[]> {
  const rdkit = await loadRdkit();
  return task.records.map((record) => validateRecord(rdkit, record));
}

function validateRecord(rdkit: RDKitModule, record: ChemRecord): ChemRecordResult {
  try {
    return { index: record.index, ...validateStructure(rdkit, record.structure) };
  } catch (err) {
    // A molecule's problem is data: an RDKit crash on one record must not fail the task.
    return {
      index: record.index,
      status: 'error',
      message: `RDKit failed on this structure: ${describeError(err)}`,
      issues: ['rdkit-exception'],
      canonicalSmiles: null,
      inchikey: null,
      formula: null,
      mw: null,
    };
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;

  // The WASM build throws WebAssembly.Exception objects that carry no message.
  return typeof err === 'object' && err !== null ? err.constructor.name : String(err);
}
