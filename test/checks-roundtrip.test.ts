import { readFileSync } from 'node:fs';

import { inchiTotals } from '../chem/roundtrip.js';
import { findingsOf, v2000, validate } from './checks.js';
import { sharedData } from './shared-data.js';

// Line 1628 of RDKit's MolStandardize test data: an alkynyl(phenyl)iodonium tosylate drawn
// with a neutral IH2, which InChI cannot keep.
function iodoniumFromPubchem(): string {
  const line = readFileSync(sharedData('pubchem-100k-validation.tsv'), 'utf8')
    .split('\n')[1627];
  return line.split('\t')[0];
}

describe('smiles-roundtrip', () => {
  test('an iron-sulfur complex of the HIV screen (line 35280) does not read back the same',
    async () => {
      const line = readFileSync(sharedData('hiv.csv'), 'utf8').split('\n')[35279];
      const [finding] = await findingsOf(line.split(',')[0], 'smiles-roundtrip');

      expect(line).toContain('[Fe+2]');
      expect(finding.severity).toBe('error');
      // RDKit writes the S-Fe bonds as dative (->) and reads them back in another order.
      expect(finding.message).toMatch(/^canonical SMILES \S*->\[Fe\+2\]\S* reads back as \S+$/);
    });

  test('propane drawn with a single-or-double query bond writes SMILES that reads back changed',
    async () => {
      const molfile = v2000('propane', [[0, 0, 0, 'C'], [1.299, 0.75, 0, 'C'], [2.598, 0, 0, 'C']],
        [[1, 2, 1], [2, 3, 5]]);
      const [finding] = await findingsOf(molfile, 'smiles-roundtrip');

      expect(finding).toMatchObject({
        severity: 'error', message: 'canonical SMILES C~CC reads back as CC~C',
      });
    });

  test('the canonical SMILES of caffeine and of (S)-ibuprofen read back unchanged', async () => {
    expect(await findingsOf('Cn1cnc2c1c(=O)n(C)c(=O)n2C', 'smiles-roundtrip')).toEqual([]);
    expect(await findingsOf('CC(C)Cc1ccc([C@H](C)C(=O)O)cc1', 'smiles-roundtrip')).toEqual([]);
  });
});

describe('inchi-mismatch', () => {
  test('an iodonium drawn with IH2 loses two hydrogens in its InChI', async () => {
    const smiles = iodoniumFromPubchem();
    const [finding] = await findingsOf(smiles, 'inchi-mismatch');

    expect(smiles).toContain('[IH2]');
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'InChI disagrees with the structure: H 21 in the InChI, 23 drawn',
    });
  });

  test('ammonium and acetate agree with their InChI protons layers', async () => {
    expect(await findingsOf('[NH4+]', 'inchi-mismatch')).toEqual([]);
    expect(await findingsOf('CC(=O)[O-]', 'inchi-mismatch')).toEqual([]);
  });

  test("InChI's /p layer adds back the protons it removed", () => {
    const totals = inchiTotals('InChI=1S/C2H4O2/c1-2(3)4/h1H3,(H,3,4)/p-1');

    expect(Object.fromEntries(totals.elements)).toEqual({ C: 2, H: 3, O: 2 });
    expect(totals.charge).toBe(-1);
  });
});

describe('inchi-failed', () => {
  test('a phenyl R-group placeholder has no InChI, and says so', async () => {
    const result = await validate('*c1ccccc1');
    const [finding] = result.findings.filter((f) => f.code === 'inchi-failed');

    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/^no InChI/);
    expect(result.inchikey).toBeNull();
  });

  test('benzene has its InChIKey', async () => {
    const result = await validate('c1ccccc1');

    expect(result.issues).not.toContain('inchi-failed');
    expect(result.inchikey).toBe('UHOVQNZJYSORNB-UHFFFAOYSA-N');
  });
});
