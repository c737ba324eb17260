import fs from 'node:fs/promises';

import { loadRdkit } from '../../chem/rdkit.js';
import { readConfig } from '../../common/config.js';
import { BatchStore, describeStore, openStore, type Batch } from '../../store/index.js';
import { collectReport, type ShownMolecule } from './collect.js';
import { depict } from './depict.js';
import { renderReport, type BatchInfo, type DrawnMolecule } from './html.js';

/** Options of `molbatch report`. */
export interface ReportOptions {
  out: string;
  /** At most this many failing molecules are drawn (and unreadable ones listed). */
  maxDepictions: number;
}

/** `molbatch report`: writes the batch's HTML report; returns what to print. */
export async function reportCommand(batchId: string, options: ReportOptions): Promise<string> {
  const config = readConfig();
  const location = { url: config.databaseUrl, home: config.home };
  const orm = await openStore(location);
  try {
    const store = new BatchStore(orm);
    const batch = await store.readBatch(batchId);
    if (batch === null) {
      throw new Error(`no batch ${batchId} in ${describeStore(location)}`);
    }

    const data = await collectReport(store, batchId, options.maxDepictions);
    const info = await batchInfo(store, batch);
    const drawn = await drawAll(data.failing);
    const html = renderReport({ batch: info, data, drawn, generatedAt: new Date() });
    await fs.writeFile(options.out, html);
    return `report of ${batchId} (${data.total} molecules) written to ${options.out}\n`;
  } finally {
    await orm.close();
  }
}

async function batchInfo(store: BatchStore, batch: Batch): Promise<BatchInfo> {
  const completedAt = batch.completedAt ?? null;
  return {
    batchId: batch.id,
    state: batch.state,
    sourcePath: batch.sourcePath,
    submitter: batch.submitter,
    createdAt: batch.createdAt,
    completedAt,
    durationMs: await durationOf(store, batch.id) ?? elapsed(batch.createdAt, completedAt),
  };
}

/** The workflow's own measure, from the completion audit event, when there is one. */
async function durationOf(store: BatchStore, batchId: string): Promise<number | null> {
  const events = await store.readAudit(batchId);
  const completed = events.find((event) => event.event === 'batch.completed');
  if (!completed) return null;

  const details = JSON.parse(completed.details) as { durationMs?: unknown };
  return typeof details.durationMs === 'number' ? details.durationMs : null;
}

function elapsed(from: Date, to: Date | null): number | null {
  return to === null ? null : to.getTime() - from.getTime();
}

async function drawAll(molecules: ShownMolecule[]): Promise<DrawnMolecule[]> {
  if (molecules.length === 0) return [];

  const rdkit = await loadRdkit();
  return molecules.map((molecule) => ({
    ...molecule,
    svg: molecule.structure === null ? null : depict(rdkit, molecule.structure, molecule.atoms),
  }));
}
