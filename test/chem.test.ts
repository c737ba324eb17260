import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { STATUSES } from '../common/types.js';
import { loadRdkit } from '../chem/rdkit.js';
import type { RDKitModule } from '../chem/rdkit.js';
import { elementSymbol, validateStructure } from '../chem/validate.js';

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

    expect(result).toMatchObject({
      status: 'pass',
      message: '',
      issues: [],
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

  test('a pentavalent carbon fails with RDKit valence message', () => {
    const result = check('C(C)(C)(C)(C)C');

    expect(result.status).toBe('fail');
    expect(result.issues).toEqual(['valence']);
    expect(result.message).toMatch(/Explicit valence for atom # 0 C, 5/);
  });

  test('an aromatic ring that cannot be kekulized fails', () => {
    const result = check('c1cccc1');

    expect(result.status).toBe('fail');
    expect(result.issues).toEqual(['kekulize']);
    expect(result.message).toMatch(/kekulize/);
  });

  test('unparseable SMILES is an error carrying the parser message', () => {
    const result = check('CC(');

    expect(result.status).toBe('error');
    expect(result.issues).toEqual(['parse-error']);
    expect(result.message).toMatch(/^could not be read: SMILES Parse Error/);
  });

  test.each(['', '   \n'])('blank input %j is an error', (structure) => {
    expect(check(structure)).toMatchObject({ status: 'error', issues: ['blank-input'] });
  });

  test('a salt warns about multiple fragments and keeps its formula', () => {
    const result = check('CC(=O)[O-].[Na+]');

    expect(result.status).toBe('warn');
    expect(result.issues).toEqual(['multiple-fragments']);
    expect(result.message).toBe('2 disconnected fragments');
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

  test('a dummy atom gets a result with an InChI warning instead of a crash', () => {
    const result = check('*C');

    expect(result.status).toBe('warn');
    expect(result.issues).toEqual(['inchi-failed']);
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
    const text = readFileSync('/work/shared/data/esol.csv', 'utf8');
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
});
