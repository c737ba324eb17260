import type { ResultRow } from '../store/index.js';

/** One result as a line of JSON, with its findings and properties as objects. */
export function jsonlLine(row: ResultRow): string {
  const entry = {
    index: row.recordIndex,
    line: row.line,
    name: row.name,
    input: row.input,
    converted: row.converted,
    status: row.status,
    score: row.score,
    message: row.message,
    issues: row.issues === '' ? [] : row.issues.split(';'),
    findings: row.findings,
    canonicalSmiles: row.canonicalSmiles,
    inchikey: row.inchikey,
    formula: row.formula,
    mw: row.mw,
    properties: row.properties,
    inputProperties: row.inputProperties,
  };
  return `${JSON.stringify(entry)}\n`;
}
