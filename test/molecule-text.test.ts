import { looksLikeName } from '../common/molecule.js';
import { forEachInWindow } from '../workflows/window.js';

describe('looksLikeName', () => {
  test('names with letters SMILES has no use for are names', () => {
    expect(['ethanol', 'aspirin', '2-methylpropan-2-ol', 'acetic acid'].map(looksLikeName))
      .toEqual([true, true, true, true]);
  });

  test('SMILES, bracket atoms and halogens included, are structures', () => {
    expect(['CCO', 'c1ccccc1', 'CC(=O)[O-].[Na+]', 'ClCCBr', 'C[C@H](N)C(=O)O'].map(looksLikeName))
      .toEqual([false, false, false, false, false]);
  });

  test('a molfile is a structure even though its lines hold spaces and letters', () => {
    expect(looksLikeName('ethanol\n  RDKit\n\n  3  2  0  0  0  0  0  0  0  0999 V2000\nM  END'))
      .toBe(false);
  });
});

describe('forEachInWindow', () => {
  test('keeps at most `width` in flight and covers every index once', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    const next = await forEachInWindow(0, 10, 3, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(i);
      inFlight -= 1;
    });
    expect(next).toBe(10);
    expect(most).toBe(3);
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('stops launching once paused, returns the cursor, and always launches one', async () => {
    const seen: number[] = [];
    const next = await forEachInWindow(4, 10, 2, async (i) => {
      seen.push(i);
    }, () => true);
    expect(next).toBe(5);
    expect(seen).toEqual([4]);
  });
});
