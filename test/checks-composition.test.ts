import { readFileSync } from 'node:fs';

import { findingsOf, rdkitModule, validate } from './checks.js';
import { sharedData } from './shared-data.js';

// The first structure of the HIV screen with more than 150 heavy atoms.
async function largeMoleculeFromHiv(): Promise<string> {
  const rdkit = await rdkitModule();
  const lines = readFileSync(sharedData('hiv.csv'), 'utf8').split('\n');
  // Only long SMILES can hold that many atoms; parsing the rest would waste seconds.
  for (const smiles of lines.map((line) => line.split(',')[0]).filter((s) => s.length > 150)) {
    const mol = rdkit.get_mol(smiles);
    const heavy = mol?.is_valid() ? (JSON.parse(mol.get_descriptors()) as Heavy).NumHeavyAtoms : 0;
    mol?.delete();
    if (heavy > 150) return smiles;
  }
  throw new Error('hiv.csv has no structure with more than 150 heavy atoms');
}

interface Heavy {
  NumHeavyAtoms: number;
}

describe('multiple-fragments', () => {
  test('metformin hydrochloride is two fragments, naming the chloride', async () => {
    const [finding] = await findingsOf('CN(C)C(=N)NC(=N)N.Cl', 'multiple-fragments');

    expect(finding).toMatchObject({
      severity: 'warning', message: '2 disconnected fragments: chlorine',
    });
  });

  test('an unrecognised second fragment is counted without a name', async () => {
    const [finding] = await findingsOf('CC(=O)Oc1ccccc1C(=O)O.Cn1cnc2c1c(=O)n(C)c(=O)n2C',
      'multiple-fragments');

    expect(finding.message).toBe('2 disconnected fragments');
  });

  test('metformin as the free base is one fragment', async () => {
    expect(await findingsOf('CN(C)C(=N)NC(=N)N', 'multiple-fragments')).toEqual([]);
  });
});

describe('charged', () => {
  test('acetylcholine carries +1 on its quaternary nitrogen', async () => {
    const [finding] = await findingsOf('CC(=O)OCC[N+](C)(C)C', 'charged');

    expect(finding).toMatchObject({ severity: 'warning', message: 'net charge +1', atoms: [6] });
  });

  test('glycine as a zwitterion is neutral overall', async () => {
    expect(await findingsOf('[NH3+]CC(=O)[O-]', 'charged')).toEqual([]);
  });
});

describe('radical', () => {
  test('TEMPO has one unpaired electron on its nitroxide oxygen', async () => {
    const [finding] = await findingsOf('CC1(C)CCCC(C)(C)N1[O]', 'radical');

    expect(finding).toMatchObject({
      severity: 'warning', message: '1 radical electron', atoms: [10],
    });
  });

  test('TEMPO-H, the hydroxylamine, has none', async () => {
    expect(await findingsOf('CC1(C)CCCC(C)(C)N1O', 'radical')).toEqual([]);
  });
});

describe('isotope', () => {
  test('chloroform-d carries an isotope label on its deuterium', async () => {
    const [finding] = await findingsOf('[2H]C(Cl)(Cl)Cl', 'isotope');

    expect(finding).toMatchObject({
      severity: 'warning', message: 'isotope label on 1 atom', atoms: [0],
    });
  });

  test('chloroform has none', async () => {
    expect(await findingsOf('ClC(Cl)Cl', 'isotope')).toEqual([]);
  });
});

describe('unusual-element', () => {
  test('methylmercury chloride names mercury', async () => {
    const [finding] = await findingsOf('C[Hg]Cl', 'unusual-element');

    expect(finding).toMatchObject({
      severity: 'warning', message: 'unusual element Hg', atoms: [1],
    });
  });

  test('the sodium of sodium benzoate is a named counterion, not an unusual element', async () => {
    const result = await validate('O=C([O-])c1ccccc1.[Na+]');

    expect(result.issues).toEqual(['multiple-fragments']);
    expect(result.message).toBe('2 disconnected fragments: sodium');
  });

  test('sodium bound to its carboxylate is reported', async () => {
    expect(await findingsOf('O=C(O[Na])c1ccccc1', 'unusual-element')).toHaveLength(1);
  });
});

describe('dummy-atom', () => {
  test('a phenyl R-group placeholder is an error on the dummy atom', async () => {
    const result = await validate('*c1ccccc1');
    const [finding] = result.findings.filter((f) => f.code === 'dummy-atom');

    expect(finding).toMatchObject({
      severity: 'error', message: '1 dummy or query atom', atoms: [0],
    });
    expect(result.status).toBe('fail');
  });

  test('benzene has no dummy atom', async () => {
    expect(await findingsOf('c1ccccc1', 'dummy-atom')).toEqual([]);
  });
});

describe('too-many-atoms', () => {
  test('a structure of the HIV screen with more than 150 heavy atoms is reported', async () => {
    const smiles = await largeMoleculeFromHiv();
    const [finding] = await findingsOf(smiles, 'too-many-atoms');

    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/^\d+ heavy atoms, more than 150$/);
    expect(Number(finding.message.split(' ')[0])).toBeGreaterThan(150);
  });

  test('aspirin, 13 heavy atoms, is far within the limit', async () => {
    expect(await findingsOf('CC(=O)Oc1ccccc1C(=O)O', 'too-many-atoms')).toEqual([]);
  });
});
