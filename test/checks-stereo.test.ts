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
