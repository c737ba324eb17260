import { proxyActivities } from '@temporalio/workflow';

import { looksLikeName, type MoleculeResult, type ValidateMoleculeInput } from '../common/molecule.js';
import { FAST_QUEUE } from '../common/queues.js';
import type { Activities } from '../activities/index.js';

// One molecule is a person or a service waiting: short timeouts, few attempts.
const { validateStructure, convertName } = proxyActivities<Activities>({
  taskQueue: FAST_QUEUE,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200ms', maximumInterval: '2s', maximumAttempts: 5 },
});

/** Validates one structure or name, on the fast lane: OPSIN first when the text is a name. */
export async function validateMolecule(input: ValidateMoleculeInput): Promise<MoleculeResult> {
  const text = input.text.trim();
  if (!looksLikeName(text)) {
    const direct = await validateStructure({ structure: text });
    // Text made of SMILES letters that still does not parse may be a name after all.
    if (!direct.issues.includes('parse-error') || text.includes('\n')) {
      return { input: input.text, structure: text, fromName: false, ...direct };
    }
  }
  return fromName(input, text);
}

async function fromName(input: ValidateMoleculeInput, name: string): Promise<MoleculeResult> {
  const conversion = await convertName({ name, opsin: input.opsin });
  if (conversion.status === 'FAILURE' || !conversion.smiles) {
    const message = `OPSIN could not convert the name: ${conversion.message}`;
    return {
      input: input.text, structure: null, fromName: true, status: 'error', message,
      issues: ['name-not-converted'], score: 0,
      canonicalSmiles: null, inchikey: null, formula: null, mw: null,
    };
  }

  const validated = await validateStructure({ structure: conversion.smiles });
  const result = { input: input.text, structure: conversion.smiles, fromName: true, ...validated };
  return conversion.status === 'WARNING' ? withWarning(result, conversion.message) : result;
}

function withWarning(result: MoleculeResult, warning: string): MoleculeResult {
  const text = `OPSIN warned: ${warning}`;
  return {
    ...result,
    status: result.status === 'pass' ? 'warn' : result.status,
    message: result.message ? `${result.message}; ${text}` : text,
    issues: [...result.issues, 'opsin-warning'],
  };
}
