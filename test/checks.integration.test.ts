import fs from 'node:fs';
import path from 'node:path';

import { readCsv, runCli, workDir } from './cli.js';

describe('molbatch run with a check configuration', () => {
  const dir = workDir();
  const input = path.join(process.cwd(), 'test', 'fixtures', 'mixed.csv');
  const env = { MOLBATCH_HOME: path.join(dir, '.molbatch') };

  test('--skip and --severity reach the chemistry: the salt passes, aspirin fails', async () => {
    const out = path.join(dir, 'results.csv');
    const run = await runCli([
      'run', input, '--out', out, '--skip', 'multiple-fragments',
      '--severity', 'brenk=error',
    ], env);
    if (run.code !== 0) throw new Error(`molbatch run exited ${run.code}:\n${run.stderr}`);

    const rows = await readCsv(out);
    const byName = new Map(rows.map((row) => [row.name, row]));
    // Aspirin is a Brenk phenol_ester, an info by default; as an error it fails.
    expect(byName.get('aspirin')).toMatchObject({ status: 'fail', issues: 'brenk', score: '80' });
    expect(byName.get('sodium acetate')).toMatchObject({ status: 'pass', issues: '' });
  }, 300_000);

  test('a bad code in --checks stops the run before any batch starts, naming it', async () => {
    const fresh = workDir();
    const file = path.join(fresh, 'checks.json');
    fs.writeFileSync(file, JSON.stringify({ only: ['charged', 'isotopes'] }));

    const run = await runCli(['run', input, '--checks', file], {
      MOLBATCH_HOME: path.join(fresh, '.molbatch'),
    });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/checks\.only\.1: unknown check code "isotopes"/);
    expect(fs.existsSync(path.join(fresh, '.molbatch'))).toBe(false);
  }, 60_000);
});
