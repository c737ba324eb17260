import type { Got } from 'got';

import type { ChemRecordResult } from '../chem/thread.js';
import type { CheckConfig, OpsinNameOptions } from '../common/types.js';
import type { BatchStore, WebhookStore } from '../store/index.js';

/** What the chemistry pool answers for one structure. */
export type ChemResult = ChemRecordResult;

/** Validates structures in worker threads. */
export interface ChemValidator {
  validate(
    records: Array<{ index: number; structure: string }>,
    checks?: CheckConfig,
  ): Promise<ChemResult[]>;
}

/** OPSIN's answer for one name. */
export interface NameConversion {
  status: 'SUCCESS' | 'WARNING' | 'FAILURE';
  smiles: string | null;
  message: string;
  warnings: string[];
}

/** Converts names to structures through the OPSIN worker process. */
export interface NameConverter {
  convert(name: string, options?: OpsinNameOptions): Promise<NameConversion>;
}

/** Everything activities need from the world, passed in by the worker. */
export interface ActivityDeps {
  store: BatchStore;
  chem: ChemValidator;
  opsin: NameConverter;
  http: Got;
  /** Standard Webhooks secret (`whsec_...` or base64); read on the worker, never sent to workflows. */
  webhookSecret?: string;
  /** Hosts webhooks may go to; empty: any host whose addresses are all public. */
  webhookAllowHosts: readonly string[];
  webhooks: WebhookStore;
}
