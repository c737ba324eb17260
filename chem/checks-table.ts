import { readFileSync, writeFileSync } from 'node:fs';

import { CHECKS, READING_CHECKS, RECORD_CODES, type CheckInfo } from './registry.js';

/** Marks the generated table in README.md. */
export const TABLE_START = '<!-- checks table: generated from chem/registry.ts -->';

/** Marks the end of the generated table in README.md. */
export const TABLE_END = '<!-- end of checks table -->';

/** The README's table of every finding code, made from the registry. */
export function checksTable(): string {
  const rows = [
    ...RECORD_CODES.map((check) => row(check, 'no, the record is not read')),
    ...READING_CHECKS.map((check) => row(check, 'no, reading stops')),
    ...CHECKS.map((check) => row(check, 'yes')),
  ];
  return [
    '| code | default severity | configurable | finds | why this severity |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function row(check: CheckInfo, configurable: string): string {
  return `| \`${check.code}\` | ${check.severity} | ${configurable} | ${check.finds} | ` +
    `${check.reason} |`;
}

/** Replaces a README's table between the markers with the registry's; true if it changed. */
export function updateReadme(path: string): boolean {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${path}: no checks table markers`);

  const next = `${text.slice(0, start + TABLE_START.length)}\n${checksTable()}\n${text.slice(end)}`;
  if (next === text) return false;
  writeFileSync(path, next);
  return true;
}
