import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { activeChecks, parseCheckConfig } from '../chem/config.js';
import { CHECKS } from '../chem/registry.js';
import { checkOptions } from '../client/check-flags.js';
import { validate } from './checks.js';

const SODIUM_ACETATE = 'CC(=O)[O-].[Na+]';

describe('check configuration', () => {
  test('without a configuration every check runs at its default severity', () => {
    const active = activeChecks(undefined);

    expect([...active.enabled]).toEqual(CHECKS.map((check) => check.code));
    expect(active.severity['multiple-fragments']).toBe('warning');
  });

  test('skip, only and severity choose what runs and how much it weighs', () => {
    const active = activeChecks({
      only: ['charged', 'brenk', 'isotope'], skip: ['isotope'], severity: { brenk: 'error' },
    });

    expect([...active.enabled]).toEqual(['charged', 'brenk']);
    expect(active.severity.brenk).toBe('error');
  });

  test('an unknown code is refused, naming the entry and the code', () => {
    expect(() => parseCheckConfig({ skip: ['charged', 'pains'] }))
      .toThrow(/^invalid check configuration at checks\.skip\.1: unknown check code "pains"/);
  });

  test('an unknown severity or key is refused, naming where it is', () => {
    expect(() => parseCheckConfig({ severity: { brenk: 'high' } }))
      .toThrow(/at checks\.severity\.brenk: .*'info' \| 'warning' \| 'error' \| 'critical'/);
    expect(() => parseCheckConfig({ skipp: ['brenk'] })).toThrow(/Unrecognized key.*'skipp'/);
  });

  test('a skipped check finds nothing: sodium acetate passes', async () => {
    const result = await validate(SODIUM_ACETATE, { checks: { skip: ['multiple-fragments'] } });

    expect(result).toMatchObject({ status: 'pass', issues: [], score: 100 });
  });

  test('a raised severity changes status and score: multiple-fragments as an error fails',
    async () => {
      const checks = { severity: { 'multiple-fragments': 'error' as const } };
      const result = await validate(SODIUM_ACETATE, { checks });

      expect(result).toMatchObject({ status: 'fail', score: 80 });
      expect(result.findings[0]).toMatchObject({ code: 'multiple-fragments', severity: 'error' });
    });
});

describe('the check flags of molbatch run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-checks-'));

  test('no flag means no configuration, so the workflow input stays as before', async () => {
    expect(await checkOptions({})).toBeUndefined();
  });

  test('--checks FILE, then --skip and --severity on top of it', async () => {
    const file = path.join(dir, 'checks.json');
    fs.writeFileSync(file, JSON.stringify({ skip: ['zinc'], severity: { nih: 'warning' } }));

    const config = await checkOptions({
      checks: file, skip: 'brenk, pains-c', severity: ['charged=error'],
    });

    expect(config).toEqual({
      skip: ['zinc', 'brenk', 'pains-c'], severity: { nih: 'warning', charged: 'error' },
    });
  });

  test('a bad --severity or a file that is not JSON is named', async () => {
    await expect(checkOptions({ severity: ['charged'] })).rejects.toThrow(/--severity charged/);
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, '{ skip: zinc }');
    await expect(checkOptions({ checks: file })).rejects.toThrow(/bad\.json: not JSON/);
  });

  test('a bad code in the file is named with its place', async () => {
    const file = path.join(dir, 'typo.json');
    fs.writeFileSync(file, JSON.stringify({ severity: { brenck: 'info' } }));

    await expect(checkOptions({ checks: file })).rejects.toThrow(/checks\.severity\.brenck/);
  });
});
