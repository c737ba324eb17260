import { findingsOf, v2000, validate } from './checks.js';

type Atom = [number, number, number, string];

// Ethanol with bond lengths of 1.5 in the plane, as a drawing program writes it.
const DRAWN: Atom[] = [[0, 0, 0, 'C'], [1.299, 0.75, 0, 'C'], [2.598, 0, 0, 'O']];
const ETHANOL_BONDS: Array<[number, number, number]> = [[1, 2, 1], [2, 3, 1]];

describe('no-coordinates', () => {
  test('ethanol with every atom at the origin has lost its drawing', async () => {
    const atoms: Atom[] = DRAWN.map(([, , , symbol]) => [0, 0, 0, symbol]);
    const [finding] = await findingsOf(v2000('ethanol', atoms, ETHANOL_BONDS), 'no-coordinates');

    expect(finding).toMatchObject({
      severity: 'warning', message: 'every atom of the molfile is at (0, 0, 0)',
    });
  });

  test('drawn ethanol has coordinates', async () => {
    expect(await findingsOf(v2000('ethanol', DRAWN, ETHANOL_BONDS), 'no-coordinates')).toEqual([]);
  });
});

describe('3d-coordinates', () => {
  test('a conformer of ethanol is reported as 3D, for information', async () => {
    const atoms: Atom[] = [[-0.9, 0.1, 0.3, 'C'], [0.5, -0.4, -0.2, 'C'], [1.4, 0.6, 0.1, 'O']];
    const result = await validate(v2000('ethanol', atoms, ETHANOL_BONDS));

    expect(result.findings).toEqual([
      { code: '3d-coordinates', severity: 'info', message: 'the molfile has 3D coordinates' },
    ]);
    expect(result.status).toBe('pass');
  });

  test('a flat drawing is not 3D', async () => {
    expect(await findingsOf(v2000('ethanol', DRAWN, ETHANOL_BONDS), '3d-coordinates')).toEqual([]);
  });
});

describe('overlapping-atoms', () => {
  test('ethanol with its oxygen drawn on the carbon names the pair', async () => {
    const atoms: Atom[] = [DRAWN[0], DRAWN[1], [1.3, 0.78, 0, 'O']];
    const [finding] = await findingsOf(v2000('ethanol', atoms, ETHANOL_BONDS), 'overlapping-atoms');

    expect(finding).toMatchObject({
      severity: 'warning', message: '1 pair of overlapping atoms (molfile atoms 2/3)',
      atoms: [1, 2],
    });
  });

  test('a clean drawing has no overlap', async () => {
    const molfile = v2000('ethanol', DRAWN, ETHANOL_BONDS);

    expect(await findingsOf(molfile, 'overlapping-atoms')).toEqual([]);
  });
});

describe('query-bond', () => {
  test('a V2000 "any" bond leaves ethanol undefined: an error', async () => {
    const result = await validate(v2000('ethanol', DRAWN, [[1, 2, 1], [2, 3, 8]]));
    const [finding] = result.findings.filter((f) => f.code === 'query-bond');

    expect(finding).toMatchObject({ severity: 'error', message: '1 query bond, e.g. 2-3 (any)' });
    expect(result.status).toBe('fail');
  });

  test('a V3000 "single or aromatic" bond is found too', async () => {
    const [finding] = await findingsOf(V3000_QUERY, 'query-bond');

    expect(finding.message).toBe('1 query bond, e.g. 2-3 (single or aromatic)');
  });

  test('ordinary single bonds are no query', async () => {
    expect(await findingsOf(v2000('ethanol', DRAWN, ETHANOL_BONDS), 'query-bond')).toEqual([]);
  });
});

const V3000_QUERY = [
  'ethanol',
  '  molbatch test',
  '',
  '  0  0  0     0  0            999 V3000',
  'M  V30 BEGIN CTAB',
  'M  V30 COUNTS 3 2 0 0 0',
  'M  V30 BEGIN ATOM',
  'M  V30 1 C 0 0 0 0',
  'M  V30 2 C 1.299 0.75 0 0',
  'M  V30 3 O 2.598 0 0 0',
  'M  V30 END ATOM',
  'M  V30 BEGIN BOND',
  'M  V30 1 1 1 2',
  'M  V30 2 6 2 3',
  'M  V30 END BOND',
  'M  V30 END CTAB',
  'M  END',
  '',
].join('\n');
