import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { STATUSES } from '../common/types.js';
import { loadRdkit } from '../chem/rdkit.js';
import type { RDKitModule } from '../chem/rdkit.js';
import type { ChemRecordResult } from '../chem/thread.js';
import { elementSymbol, validateStructure } from '../chem/validate.js';
import { sharedData } from './shared-data.js';

type PoolModule = typeof import('../chem/pool.js');

const ETHANOL_MOLFILE = [
  'ethanol',
  '  hand-written',
  '',
  '  3  2  0  0  0  0  0  0  0  0999 V2000',
  '    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0',
  '    1.2990    0.7500    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0',
  '    2.5981    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0',
  '  1  2  1  0',
  '  2  3  1  0',
  'M  END',
  '',
].join('\n');

let rdkit: RDKitModule;

// The pool and the child-process test run the compiled chem/ that `npm run build` writes.
function builtFile(name: string): string {
  const path = fileURLToPath(new URL(`../dist/chem/${name}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build before jest`);
  return path;
}

beforeAll(async () => {
  rdkit = await loadRdkit();
});

function check(structure: string) {
  return validateStructure(rdkit, structure);
}

describe('validateStructure', () => {
  test('aspirin passes with its InChIKey, Hill formula and average weight', () => {
    const result = check('CC(=O)Oc1ccccc1C(=O)O');

    // Aspirin is a phenyl ester, which Brenk lists; an info finding costs no points.
    expect(result).toMatchObject({
      status: 'pass',
      score: 100,
      message: 'Brenk alert phenol_ester',
      issues: ['brenk'],
      inchikey: 'BSYNRYMUTXBXSQ-UHFFFAOYSA-N',
      formula: 'C9H8O4',
    });
    expect(result.mw).toBeCloseTo(180.159, 3);
  });

  test('caffeine gets its InChIKey and formula', () => {
    const result = check('Cn1cnc2c1c(=O)n(C)c(=O)n2C');

    expect(result.inchikey).toBe('RYYVLZVUVIJVGH-UHFFFAOYSA-N');
    expect(result.formula).toBe('C8H10N4O2');
  });

  test('a pentavalent carbon fails as a critical parse-error of kind valence', () => {
    const result = check('C(C)(C)(C)(C)C');

    expect(result.status).toBe('fail');
    expect(result.issues).toEqual(['parse-error']);
    expect(result.findings[0]).toMatchObject({ severity: 'critical', kind: 'valence' });
    expect(result.message).toMatch(/Explicit valence for atom # 0 C, 5/);
    expect(result.score).toBe(50);
  });

  test('an aromatic ring that cannot be kekulized fails as a parse-error of kind kekulize', () => {
    const result = check('c1cccc1');

    expect(result.status).toBe('fail');
    expect(result.issues).toEqual(['parse-error']);
    expect(result.findings[0].kind).toBe('kekulize');
    expect(result.message).toMatch(/kekulize/);
  });

  test('unparseable SMILES is an error of kind syntax carrying the parser message', () => {
    const result = check('CC(');

    expect(result.status).toBe('error');
    expect(result.issues).toEqual(['parse-error']);
    expect(result.findings[0].kind).toBe('syntax');
    expect(result.message).toMatch(/^could not be read: SMILES Parse Error/);
  });

  test('an unclosed ring is a parse-error of kind ring-closure', () => {
    const result = check('C1CC');

    expect(result).toMatchObject({ status: 'error', issues: ['parse-error'] });
    expect(result.findings[0].kind).toBe('ring-closure');
    expect(result.message).toMatch(/unclosed ring/);
  });

  test.each(['', '   \n'])('blank input %j is an error', (structure) => {
    expect(check(structure)).toMatchObject({ status: 'error', issues: ['blank-input'] });
  });

  test('a salt warns about multiple fragments, naming them, and keeps its formula', () => {
    const result = check('CC(=O)[O-].[Na+]');

    expect(result.status).toBe('warn');
    expect(result.issues).toEqual(['multiple-fragments']);
    expect(result.message).toBe('2 disconnected fragments: sodium, acetate/acetic acid');
    expect(result.formula).toBe('C2H3NaO2');
  });

  test('ammonium counts its bracket hydrogens and the charge in the formula', () => {
    const result = check('[NH4+]');

    expect(result.formula).toBe('H4N+');
    expect(result.issues).toEqual(['charged']);
  });

  test('radical electrons and isotope labels are warnings', () => {
    expect(check('[CH2]C').issues).toEqual(['radical']);
    expect(check('[13CH4]').issues).toEqual(['isotope']);
  });

  test('a V2000 molfile is read as a molblock', () => {
    const result = check(ETHANOL_MOLFILE);

    expect(result).toMatchObject({
      status: 'pass',
      canonicalSmiles: 'CCO',
      inchikey: 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N',
      formula: 'C2H6O',
    });
  });

  test('a molfile without atoms fails as empty', () => {
    const lines = ETHANOL_MOLFILE.split('\n');
    const empty = [...lines.slice(0, 3), '  0  0  0  0  0  0  0  0  0  0999 V2000', 'M  END'];

    expect(check(empty.join('\n'))).toMatchObject({ status: 'fail', issues: ['empty'] });
  });

  test('a dummy atom fails as dummy-atom, with an InChI warning instead of a crash', () => {
    const result = check('*C');

    expect(result.status).toBe('fail');
    expect(result.issues).toEqual(['dummy-atom', 'inchi-failed']);
  });

  test('RDKit messages stay out of stdout and stderr even with logging switched on', () => {
    const script = [
      `const { loadRdkit } = await import(${JSON.stringify(builtFile('rdkit.js'))});`,
      `const { validateStructure } = await import(${JSON.stringify(builtFile('validate.js'))});`,
      'const rdkit = await loadRdkit();',
      'rdkit.enable_logging();',
      "validateStructure(rdkit, 'CC(');",
      "validateStructure(rdkit, 'C(C)(C)(C)(C)C');",
    ].join('\n');

    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });

    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  test('a SMILES over maxInputLength is too-large and never reaches RDKit', () => {
    const result = validateStructure(rdkit, 'C'.repeat(101), { maxInputLength: 100 });

    expect(result).toMatchObject({ status: 'error', issues: ['too-large'], inchikey: null });
    expect(result.message).toBe(
      'the SMILES has 101 characters, more than the limit of 100 (maxInputLength)',
    );
  });

  test('a molfile is held to maxMolfileLength, not to the SMILES limit', () => {
    const limits = { maxInputLength: 100, maxMolfileLength: 1000 };

    expect(validateStructure(rdkit, ETHANOL_MOLFILE, limits).status).toBe('pass');
    expect(validateStructure(rdkit, ETHANOL_MOLFILE, { maxMolfileLength: 100 }).issues)
      .toEqual(['too-large']);
  });

  test('a read molecule over maxAtoms is too-large before any check runs', () => {
    const result = validateStructure(rdkit, 'CC(=O)Oc1ccccc1C(=O)O', { maxAtoms: 12 });

    expect(result).toMatchObject({ status: 'error', issues: ['too-large'], properties: null });
    expect(result.message).toBe('the structure has 13 atoms, more than the limit of 12 (maxAtoms)');
  });

  test('element symbols agree with RDKit for every atomic number', () => {
    const wrong: string[] = [];
    for (let z = 1; z <= 118; z += 1) {
      const mol = rdkit.get_mol(`[${elementSymbol(z)}]`);
      const json = mol ? mol.get_json() : '{"molecules":[{"atoms":[{"z":-1}]}]}';
      mol?.delete();

      // commonchem omits z for carbon, the default element.
      const atom = (JSON.parse(json) as { molecules: [{ atoms: [{ z?: number }] }] }).molecules[0];
      if ((atom.atoms[0].z ?? 6) !== z) wrong.push(elementSymbol(z));
    }

    expect(wrong).toEqual([]);
  });
});

describe('chem pool (compiled worker threads)', () => {
  async function importBuiltPool(): Promise<PoolModule> {
    return (await import(builtFile('pool.js'))) as PoolModule;
  }

  function esolRecords(count: number): Array<{ index: number; structure: string }> {
    const text = readFileSync(sharedData('esol.csv'), 'utf8');
    const rows = parse(text, { columns: true }) as Array<{ smiles: string }>;
    return rows.slice(0, count).map((row, index) => ({ index, structure: row.smiles }));
  }

  test('300 ESOL records come back in index order, same as in-process validation', async () => {
    const { createChemPool } = await importBuiltPool();
    const records = esolRecords(300);
    const pool = createChemPool({ threads: 2 });

    try {
      const results = await pool.validate(records);

      expect(results.map((result) => result.index)).toEqual(records.map((r) => r.index));
      expect(results.every((result) => STATUSES.includes(result.status))).toBe(true);
      const inProcess = records.map((r) => ({ index: r.index, ...check(r.structure) }));
      expect(results).toEqual(inProcess);
    } finally {
      await pool.close();
    }
  });

  function records(...structures: string[]): Array<{ index: number; structure: string }> {
    return structures.map((structure, index) => ({ index, structure }));
  }

  function summary(results: Array<{ status: string; issues: string[]; inchikey: string | null }>) {
    return results.map((r) => [r.status, r.issues, r.inchikey]);
  }

  test('a WASM crash on one record does not poison the thread for later records', async () => {
    const { createChemPool } = await importBuiltPool();
    // One thread, so the crashing chain and every other molecule share an RDKit module.
    const pool = createChemPool({ threads: 1 });

    try {
      const results = await pool.validate(records('CCO', 'C'.repeat(1000), 'c1ccccc1', 'CCN'));
      const later = await pool.validate(records('CCO'));

      expect(summary(results)).toEqual([
        ['pass', [], 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N'],
        ['error', ['rdkit-exception'], null],
        ['pass', [], 'UHOVQNZJYSORNB-UHFFFAOYSA-N'],
        ['pass', [], 'QUSNBJAOOMFDIB-UHFFFAOYSA-N'],
      ]);
      expect(summary(later)).toEqual([['pass', [], 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N']]);
    } finally {
      await pool.close();
    }
  });

  // Loaded in jest's VM realm, Piscina never sees a replacement thread become ready
  // (its READY check is `message instanceof Object`), so a test that stops a thread
  // runs the built pool in plain Node and gets its findings back as JSON.
  async function inPlainNode(body: string): Promise<Record<string, unknown>> {
    const pool = JSON.stringify(builtFile('pool.js'));
    const script = `const { createChemPool } = await import(${pool});
      const records = (...s) => s.map((structure, index) => ({ index, structure }));
      ${body}`;
    const run = promisify(execFile);
    const child = await run(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 60_000,
    });
    return JSON.parse(child.stdout) as Record<string, unknown>;
  }

  test('a structure that hangs RDKit is stopped at the record budget', async () => {
    const found = await inPlainNode(`
      const pool = createChemPool({ threads: 1, recordBudgetMs: 2000 });
      const started = Date.now();
      const results = await pool.validate(records('CCO', 'C'.repeat(850), 'CCN'));
      const elapsedMs = Date.now() - started;
      const later = await pool.validate(records('CCO'));
      await pool.close();
      console.log(JSON.stringify({ results, elapsedMs, later }));`);
    const results = found.results as ChemRecordResult[];

    expect(summary(results)).toEqual([
      ['pass', [], 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N'],
      ['error', ['time-budget'], null],
      ['pass', [], 'QUSNBJAOOMFDIB-UHFFFAOYSA-N'],
    ]);
    expect(results[1].message).toMatch(/^RDKit took longer than 2 s on this structure; it was/);
    // Slice budget 3 x 2 s, then 2 s for the chain alone, plus thread restarts.
    expect(found.elapsedMs).toBeLessThan(20_000);
    expect(summary(found.later as ChemRecordResult[])).toEqual([
      ['pass', [], 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N'],
    ]);
  });

  test('close() stops a thread stuck in RDKit instead of waiting for it', async () => {
    const found = await inPlainNode(`
      const pool = createChemPool({ threads: 1, recordBudgetMs: 60000 });
      const stuck = pool.validate(records('C'.repeat(850))).then(() => 'done', () => 'rejected');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const started = Date.now();
      await pool.close();
      console.log(JSON.stringify({ closeMs: Date.now() - started, stuck: await stuck }));`);

    expect(found.stuck).toBe('rejected');
    expect(found.closeMs).toBeLessThan(5000);
  });

  test('the pool hands maxInputLength to its threads', async () => {
    const { createChemPool } = await importBuiltPool();
    const pool = createChemPool({ threads: 1, maxInputLength: 500 });

    try {
      const results = await pool.validate(records('C'.repeat(1000), 'CCO'));

      expect(summary(results)).toEqual([
        ['error', ['too-large'], null],
        ['pass', [], 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N'],
      ]);
    } finally {
      await pool.close();
    }
  });
});
