import { readFileSync } from 'node:fs';

import { ALERT_CATALOGS, alertPatterns, mayMatch } from '../chem/alerts.js';
import type { MoleculeContext } from '../chem/context.js';
import { readGraph } from '../chem/graph.js';
import { findingsOf, rdkitModule } from './checks.js';
import { sharedData } from './shared-data.js';

async function alertNames(smiles: string, code: string): Promise<string[]> {
  return (await findingsOf(smiles, code)).map((finding) => finding.message);
}

describe('PAINS', () => {
  // The molecule and the atom mapping of RDKit's FilterCatalog tests (BSD) for this family,
  // whose SMARTS counts hydrogens (!H0) where the published pattern drew H atoms.
  test('hzone_phenol_A(479) matches its published example on the published atoms', async () => {
    const smiles = 'O=C(Cn1cnc2c1c(=O)n(C)c(=O)n2C)N/N=C/c1c(O)ccc2c1cccc2';
    const [finding] = await findingsOf(smiles, 'pains-a');

    expect(finding).toMatchObject({
      severity: 'warning', message: 'PAINS A alert hzone_phenol_A(479)',
      atoms: [23, 22, 20, 19, 25, 24, 18, 17, 16, 21],
    });
  });

  test('azobenzene is azo_A(324), as in the RDKit documentation', async () => {
    expect(await alertNames('c1ccccc1N=Nc1ccccc1', 'pains-a')).toEqual([
      'PAINS A alert azo_A(324)',
    ]);
  });

  test('5-benzylidene rhodanine, the classic frequent hitter, is ene_rhod_A(235)', async () => {
    expect(await alertNames('S=C1NC(=O)C(=Cc2ccccc2)S1', 'pains-a')).toEqual([
      'PAINS A alert ene_rhod_A(235)',
    ]);
  });

  test('dopamine is catechol_A(92): both phenol oxygens must carry their hydrogen', async () => {
    expect(await alertNames('NCCc1ccc(O)c(O)c1', 'pains-b')).toEqual([
      'PAINS B alert catechol_A(92)',
    ]);
    // The dimethyl ether has the same ring and oxygens but no O-H.
    expect(await alertNames('COc1ccc(CCN)cc1OC', 'pains-b')).toEqual([]);
  });

  test("RDKit's ChEMBL examples of families B and C match their patterns", async () => {
    expect(await alertNames('FC(F)(F)Oc1ccc(NN=C(C#N)C#N)cc1', 'pains-b')).toContain(
      'PAINS B alert cyano_imine_B(17)',
    );
    expect(await alertNames('O=C1C2OC2C(=O)c3cc4CCCCc4cc13', 'pains-c')).toContain(
      'PAINS C alert keto_keto_gamma(5)',
    );
  });

  test('caffeine matches no PAINS family', async () => {
    const caffeine = 'Cn1cnc2c1c(=O)n(C)c(=O)n2C';
    for (const code of ['pains-a', 'pains-b', 'pains-c']) {
      expect(await findingsOf(caffeine, code)).toEqual([]);
    }
  });
});

describe('Brenk, NIH and ZINC', () => {
  test('aspirin is a Brenk phenol_ester, for information only', async () => {
    const [finding] = await findingsOf('CC(=O)Oc1ccccc1C(=O)O', 'brenk');

    expect(finding).toMatchObject({ severity: 'info', message: 'Brenk alert phenol_ester' });
  });

  test('NIH keto_def_heterocycle matches 2-acetylpyridine, not the aldehyde', async () => {
    // The pattern excludes C-[H], an H atom: matched on the molecule with implicit Hs,
    // the exclusion would never apply and the aldehyde would match too.
    expect(await alertNames('CC(=O)c1ccccn1', 'nih')).toEqual([
      'NIH alert keto_def_heterocycle',
    ]);
    expect(await alertNames('O=Cc1ccccn1', 'nih')).not.toContain(
      'NIH alert keto_def_heterocycle',
    );
  });

  test('ZINC counts atoms as RDKit does: 41 heavy atoms are too many, 40 are not', async () => {
    expect(await alertNames('C'.repeat(41), 'zinc')).toContain('ZINC alert Non-Hydrogen_atoms');
    expect(await alertNames('CN'.repeat(20), 'zinc')).toEqual([]);
  });

  test('caffeine has no Brenk, NIH or ZINC alert', async () => {
    for (const code of ['brenk', 'nih', 'zinc']) {
      expect(await findingsOf('Cn1cnc2c1c(=O)n(C)c(=O)n2C', code)).toEqual([]);
    }
  });
});

describe('catalog files', () => {
  test('each catalog holds its published number of patterns', async () => {
    const patterns = alertPatterns(await rdkitModule());
    const sizes = Object.fromEntries(
      ALERT_CATALOGS.map((c) => [c.code, patterns.get(c.code)?.length]),
    );

    expect(sizes).toEqual({
      'pains-a': 16, 'pains-b': 55, 'pains-c': 409, 'brenk': 105, 'nih': 180, 'zinc': 50,
    });
  });

  test('the README of chem/alerts gives the source and licence of every file', () => {
    const readme = readFileSync(new URL('../chem/alerts/README.md', import.meta.url), 'utf8');

    for (const { file } of ALERT_CATALOGS) expect(readme).toContain(file);
    expect(readme).toMatch(/BSD/);
  });

  test('screening never hides a match: 200 ClinTox drugs against every pattern', async () => {
    const rdkit = await rdkitModule();
    const rows = readFileSync(sharedData('clintox.csv'), 'utf8').split('\n').slice(1, 201);
    const all = [...alertPatterns(rdkit).values()].flat().filter((p) => !p.explicitHydrogen);
    const hidden: string[] = [];
    let skipped = 0;

    for (const smiles of rows.map((row) => row.split(',')[0])) {
      const mol = rdkit.get_mol(smiles);
      if (mol === null || !mol.is_valid()) {
        mol?.delete();
        continue;
      }
      const ctx = { rdkit, mol, graph: readGraph(mol), memo: new Map(), owned: [] };
      for (const pattern of all) {
        const may = mayMatch(ctx as unknown as MoleculeContext, pattern);
        if (!may) skipped += 1;
        if (!may && mol.get_substruct_match(pattern.query) !== '{}') {
          hidden.push(`${pattern.name} on ${smiles}`);
        }
      }
      mol.delete();
    }

    expect(hidden).toEqual([]);
    // The screen must also be worth having: most patterns never reach the matcher.
    expect(skipped).toBeGreaterThan(0.5 * 200 * all.length);
  });
});
