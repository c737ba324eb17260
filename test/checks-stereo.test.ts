import { findingsOf } from './checks.js';

describe('undefined-stereocenter', () => {
  test('racemic ibuprofen has one undefined centre, the carbon alpha to the acid', async () => {
    const [finding] = await findingsOf('CC(C)Cc1ccc(C(C)C(=O)O)cc1', 'undefined-stereocenter');

    expect(finding).toMatchObject({
      severity: 'warning', message: '1 undefined stereocentre (atoms 8)', atoms: [8],
    });
  });

  test('(S)-ibuprofen has its centre defined', async () => {
    const smiles = 'CC(C)Cc1ccc([C@H](C)C(=O)O)cc1';

    expect(await findingsOf(smiles, 'undefined-stereocenter')).toEqual([]);
  });

  test('ephedrine without wedges has two undefined centres', async () => {
    const [finding] = await findingsOf('CNC(C)C(O)c1ccccc1', 'undefined-stereocenter');

    expect(finding.atoms).toEqual([2, 4]);
    expect(finding.message).toBe('2 undefined stereocentres (atoms 2, 4)');
  });

  test('glycine and isobutane have no stereocentre at all', async () => {
    expect(await findingsOf('NCC(=O)O', 'undefined-stereocenter')).toEqual([]);
    expect(await findingsOf('CC(C)C', 'undefined-stereocenter')).toEqual([]);
  });
});

describe('undefined-double-bond-stereo', () => {
  test('citral drawn without E/Z has its C2=C3 bond undefined', async () => {
    const [finding] = await findingsOf('CC(C)=CCCC(C)=CC=O', 'undefined-double-bond-stereo');

    expect(finding).toMatchObject({
      severity: 'warning', message: 'double bond 6-8 has no E/Z configuration', atoms: [6, 8],
    });
  });

  test('geranial, (E)-citral, has it defined; its dimethyl end cannot be E/Z', async () => {
    const smiles = 'CC(C)=CCC/C(C)=C/C=O';

    expect(await findingsOf(smiles, 'undefined-double-bond-stereo')).toEqual([]);
  });

  test('the ring double bond of cyclohexene cannot be E/Z', async () => {
    expect(await findingsOf('C1=CCCCC1', 'undefined-double-bond-stereo')).toEqual([]);
  });
});

describe('undefined-stereocenter on sulfur and phosphorus', () => {
  test('omeprazole, a racemate, has its sulfoxide sulfur undefined', async () => {
    const smiles = 'COc1ccc2[nH]c(S(=O)Cc3ncc(C)c(OC)c3C)nc2c1';
    const [finding] = await findingsOf(smiles, 'undefined-stereocenter');

    expect(finding).toMatchObject({ message: '1 undefined stereocentre (atoms 8)', atoms: [8] });
  });

  test('esomeprazole, its S enantiomer, has it defined; DMSO has no centre', async () => {
    const esomeprazole = 'COc1ccc2[nH]c([S@@](=O)Cc3ncc(C)c(OC)c3C)nc2c1';

    expect(await findingsOf(esomeprazole, 'undefined-stereocenter')).toEqual([]);
    expect(await findingsOf('CS(C)=O', 'undefined-stereocenter')).toEqual([]);
  });

  test('cyclophosphamide has an undefined phosphorus; phosphoric acid has none', async () => {
    const [finding] = await findingsOf('ClCCN(CCCl)P1(=O)NCCCO1', 'undefined-stereocenter');

    expect(finding.atoms).toEqual([7]);
    expect(await findingsOf('OP(=O)(O)O', 'undefined-stereocenter')).toEqual([]);
  });
});
