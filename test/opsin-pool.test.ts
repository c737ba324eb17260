import { chmodSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { OpsinPool } from '../workers/opsin/pool.js';
import type { OpsinAnswer } from '../workers/opsin/process.js';
import { ensureOpsin } from '../workers/opsin/setup.js';
import { tempFile } from './helpers.js';

const NAMES = [
  'ethanol', 'benzene', 'propan-2-ol', 'acetic acid', 'pyridine', 'not-a-real-name',
  '2-methylpropane', 'cyclohexanone', 'naphthalene', 'glycine', 'xyzzy', 'furan',
  'ethyl acetate', '2-chloropyridine', 'benzoic acid', '(2R)-butan-2-ol', 'morpholine',
];

let classpath: string;
let reference: OpsinPool;

function sampleNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => NAMES[i % NAMES.length]);
}

function smilesOf(answers: OpsinAnswer[]): Array<string | null> {
  return answers.map((a) => a.smiles);
}

/** Resolves once `pool` has given `count` answers, so a fault lands mid-stream. */
async function answered(pool: OpsinPool, count: number): Promise<void> {
  while (pool.stats().names < count) {
    await delay(5);
  }
}

beforeAll(async () => {
  classpath = (await ensureOpsin({ projectRoot: process.cwd(), log: () => undefined })).classpath;
  reference = new OpsinPool({ classpath });
});

afterAll(async () => {
  await reference?.close();
});

describe('OpsinPool', () => {
  it('starts its JVMs on first use and spreads names over all of them', async () => {
    const pool = new OpsinPool({ classpath, jvms: 2 });
    try {
      expect(pool.stats().jvms).toBe(0);
      const answers = await Promise.all(sampleNames(200).map((n) => pool.convert(n)));

      expect(pool.stats()).toEqual({ names: 200, failures: 24, restarts: 0, jvms: 2 });
      expect(answers.filter((a) => a.status === 'SUCCESS')).toHaveLength(176);
    } finally {
      await pool.close();
    }
  });

  it('answers every name when a JVM is killed mid-stream', async () => {
    const names = sampleNames(600);
    const expected = await Promise.all(names.map((n) => reference.convert(n)));
    const pool = new OpsinPool({ classpath, jvms: 2, window: 8 });
    try {
      await pool.warm();
      const [victim] = pool.pids();
      const inFlight = names.map((n) => pool.convert(n));
      await answered(pool, 50);
      process.kill(victim, 'SIGKILL');

      expect(smilesOf(await Promise.all(inFlight))).toEqual(smilesOf(expected));
      expect(pool.stats()).toMatchObject({ names: 600, restarts: 1, jvms: 2 });
      expect(pool.pids()).not.toContain(victim);
    } finally {
      await pool.close();
    }
  });

  it('replaces a JVM that stops answering and answers its names elsewhere', async () => {
    const names = sampleNames(400);
    const expected = await Promise.all(names.map((n) => reference.convert(n)));
    const pool = new OpsinPool({ classpath, jvms: 2, window: 8, timeoutMs: 1000 });
    try {
      await pool.warm();
      const [victim] = pool.pids();
      const inFlight = names.map((n) => pool.convert(n));
      await answered(pool, 50);
      process.kill(victim, 'SIGSTOP');

      expect(smilesOf(await Promise.all(inFlight))).toEqual(smilesOf(expected));
      expect(pool.stats()).toMatchObject({ names: 400, restarts: 1 });
    } finally {
      await pool.close();
    }
  });

  it('answers FAILURE with the reason when the retry dies too', async () => {
    // A stand-in "java" that says ready and then exits on the first request: a JVM that dies
    // under every name, which a real OPSIN cannot be made to do on purpose.
    const javaPath = tempFile('java', '#!/bin/sh\necho \'{"ready":true}\'\nread line\nexit 3\n');
    chmodSync(javaPath, 0o755);
    const pool = new OpsinPool({ classpath, javaPath });
    try {
      const answer = await pool.convert('ethanol');

      expect(answer).toMatchObject({ status: 'FAILURE', smiles: null });
      expect(answer.message).toMatch(/failed twice.*exited with code 3.*"ethanol"/);
      expect(pool.stats()).toMatchObject({ names: 1, failures: 1, restarts: 2 });
    } finally {
      await pool.close();
    }
  });

  it('answers the names it has taken before it closes', async () => {
    const pool = new OpsinPool({ classpath, jvms: 2, window: 4 });
    const inFlight = sampleNames(100).map((n) => pool.convert(n));

    await pool.close();

    expect((await Promise.all(inFlight)).length).toBe(100);
    expect(pool.stats().jvms).toBe(0);
    await expect(pool.convert('ethanol')).rejects.toThrow(/closed/);
  });

  it('rejects instead of answering when no JVM can start', async () => {
    const pool = new OpsinPool({ classpath: path.join(process.cwd(), 'no-such-dir') });

    await expect(pool.convert('ethanol')).rejects.toMatchObject({
      name: 'OpsinProcessError',
      kind: 'start',
    });
    await pool.close();
  });
});
