import { readFileSync } from 'node:fs';

import { CHECK_RUNS } from '../chem/checks.js';
import { checksTable, TABLE_END, TABLE_START } from '../chem/checks-table.js';
import { CHECKS } from '../chem/registry.js';

describe("the README's checks table", () => {
  test('is the one the registry makes (run npm run readme:checks after changing it)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(TABLE_START) + TABLE_START.length;
    const table = readme.slice(start, readme.indexOf(TABLE_END)).trim();

    expect(table).toBe(checksTable());
  });

  test('lists exactly the checks that have code to run them', () => {
    expect(CHECKS.map((check) => check.code).sort()).toEqual(Object.keys(CHECK_RUNS).sort());
  });
});
