import { chmodSync } from 'node:fs';
import path from 'node:path';

import { readCsv, runCli, workDir } from './cli.js';
import { tempFile } from './helpers.js';

/** Splits the convert command's output into its tab-separated fields. */
function lines(stdout: string): string[][] {
  return stdout.trimEnd().split('\n').map((line) => line.split('\t'));
}

describe('molbatch convert', () => {
  it('prints one line per name and exits 0 when a name fails', async () => {
    const run = await runCli(['convert', 'ethanol', 'not a name']);

    expect(run.code).toBe(0);
    const [ethanol, nonsense] = lines(run.stdout);
    expect(ethanol.slice(0, 3)).toEqual(['ethanol', 'SUCCESS', 'C(C)O']);
    expect(nonsense.slice(0, 3)).toEqual(['not a name', 'FAILURE', '']);
    expect(nonsense[3]).toMatch(/unparsable/);
  });

  it('reads --file and passes the OPSIN flags, giving WARNING with the warning text', async () => {
    const file = tempFile('names.txt', 'benzene\n\n(3R)-butan-2-ol\r\n');

    const strict = await runCli(['convert', '--file', file]);
    const lenient = await runCli(['convert', '--file', file, '--opsin-stereo-as-warning']);

    expect(lines(strict.stdout).map((fields) => fields[1])).toEqual(['SUCCESS', 'FAILURE']);
    const [, stereo] = lines(lenient.stdout);
    expect(stereo.slice(0, 3)).toEqual(['(3R)-butan-2-ol', 'WARNING', 'CC(CC)O']);
    expect(stereo[3]).toMatch(/Could not find atom/);
  });

  it('exits 1 with the cause when the JVM cannot start', async () => {
    const java = tempFile('java', '#!/bin/sh\necho "no JVM here" >&2\nexit 1\n');
    chmodSync(java, 0o755);

    const run = await runCli(['convert', 'ethanol'], {
      PATH: `${path.dirname(java)}${path.delimiter}${process.env.PATH}`,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/exited with code 1.*\n.*no JVM here/);
  });

  it('exits 1 naming the variable when the configuration is bad', async () => {
    const run = await runCli(['convert', 'ethanol'], { MOLBATCH_OPSIN_JVMS: '0' });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MOLBATCH_OPSIN_JVMS/);
  });
});

describe('molbatch run with OPSIN options', () => {
  it('stores an OPSIN warning as an opsin-warning finding on the molecule', async () => {
    const dir = workDir();
    const out = path.join(dir, 'results.csv');
    const input = tempFile('names.csv', 'name\nethanol\n(3R)-butan-2-ol\nnot a name\n');

    const run = await runCli(
      ['run', input, '--out', out, '--opsin-stereo-as-warning'],
      { MOLBATCH_HOME: path.join(dir, '.molbatch') },
    );

    expect(run.code).toBe(0);
    const rows = await readCsv(out);
    expect(rows.map((r) => [r.status, r.issues])).toEqual([
      ['pass', ''],
      // Without the stereo OPSIN could not place, C2 is an undefined stereocentre.
      ['warn', 'undefined-stereocenter;opsin-warning'],
      ['error', 'name-not-converted'],
    ]);
    expect(rows[1].message).toMatch(/OPSIN warned: Could not find atom/);
    expect(rows[1].canonical_smiles).toBe('CCC(C)O');
  });
});
