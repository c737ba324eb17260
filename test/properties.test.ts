import { validate } from './checks.js';

describe('properties', () => {
  test("aspirin's Lipinski and Veber inputs as RDKit computes them, and it passes both",
    async () => {
      const { properties } = await validate('CC(=O)Oc1ccccc1C(=O)O');

      expect(properties).toEqual({
        mw: 180.159, clogp: 1.31, hbd: 1, hba: 4, lipinskiViolations: 0, lipinski: true,
        rotatableBonds: 2, tpsa: 63.6, veber: true, fsp3: 0.111, heavyAtoms: 13, rings: 1,
        aromaticRings: 1,
      });
    });

  test('tristearin breaks the rule of five twice (weight, cLogP) and Veber on its chains',
    async () => {
      const chain = 'CCCCCCCCCCCCCCCCC';
      const { properties } = await validate(
        `${chain}C(=O)OCC(COC(=O)${chain})OC(=O)${chain}`);

      expect(properties).toMatchObject({
        hbd: 0, hba: 6, lipinskiViolations: 2, lipinski: false, veber: false, fsp3: 0.947,
        rings: 0, aromaticRings: 0,
      });
      expect(properties?.mw).toBeCloseTo(891.5, 1);
      expect(properties?.rotatableBonds).toBeGreaterThan(10);
    });

  test('caffeine: no rotatable bond, two aromatic rings, three of eight carbons sp3', async () => {
    const { properties } = await validate('Cn1cnc2c1c(=O)n(C)c(=O)n2C');

    expect(properties).toMatchObject({
      rotatableBonds: 0, rings: 2, aromaticRings: 2, heavyAtoms: 14, fsp3: 0.375, hbd: 0,
    });
  });

  test('a structure that cannot be read has no properties', async () => {
    expect((await validate('C(C)(C)(C)(C)C')).properties).toBeNull();
  });
});
