"""Undefined stereocentres and double bonds on native RDKit, by the rules of chem/stereo.ts."""
from rdkit import Chem

MIN_STEREO_RING = 8
HYDROGEN_RANK = -1
SET_BOND_STEREO = {
    Chem.BondStereo.STEREOE, Chem.BondStereo.STEREOZ,
    Chem.BondStereo.STEREOCIS, Chem.BondStereo.STEREOTRANS,
}
SINGLE = Chem.BondType.SINGLE
DOUBLE = Chem.BondType.DOUBLE


def cip_ranks(mol):
    """RDKit's CIP ranks, or None when it computed none (no possible stereo)."""
    if not mol.GetAtomWithIdx(0).HasProp('_CIPRank'):
        return None
    return [atom.GetUnsignedProp('_CIPRank') for atom in mol.GetAtoms()]


def undefined_stereocentres(m):
    """Tetrahedral C or quaternary N+ with four different substituents and no parity."""
    ranks = cip_ranks(m.mol)
    if ranks is None:
        return []
    atoms = []
    for atom in m.mol.GetAtoms():
        if atom.GetChiralTag() != Chem.ChiralType.CHI_UNSPECIFIED or not candidate(atom):
            continue
        subs = [ranks[n.GetIdx()] for n in atom.GetNeighbors()]
        subs += [HYDROGEN_RANK] * atom.GetTotalNumHs()
        if len(set(subs)) == 4:
            atoms.append(atom.GetIdx())
    return found(atoms)


def candidate(atom):
    """Four single-bonded substituents on C, or on N+ without hydrogens."""
    z, hs = atom.GetAtomicNum(), atom.GetTotalNumHs()
    quaternary_n = z == 7 and atom.GetFormalCharge() == 1 and hs == 0
    if z != 6 and not quaternary_n:
        return False
    if atom.GetDegree() + hs != 4 or hs > 1:
        return False
    return all(bond.GetBondType() == SINGLE for bond in atom.GetBonds())


def undefined_double_bonds(m):
    """Double bonds outside small rings, each end with two different substituents, not set."""
    ranks = cip_ranks(m.mol)
    if ranks is None:
        return []
    ring = m.mol.GetRingInfo()
    hits = []
    for bond in kekule_bonds(m.mol, ring):
        if bond.GetBondType() != DOUBLE or bond.GetStereo() in SET_BOND_STEREO:
            continue
        a, b = bond.GetBeginAtom(), bond.GetEndAtom()
        if not distinct_end(ranks, a, b) or not distinct_end(ranks, b, a):
            continue
        size = ring.MinBondRingSize(bond.GetIdx())
        if 0 < size < MIN_STEREO_RING:
            continue
        i, j = a.GetIdx(), b.GetIdx()
        hits.append((f'double bond {i}-{j} has no E/Z configuration', [i, j]))
    return hits


def kekule_bonds(mol, ring):
    """The bonds in Kekulé form; a copy is kekulized only when a large aromatic ring needs it."""
    large = any(bond.GetIsAromatic() and ring.MinBondRingSize(bond.GetIdx()) >= MIN_STEREO_RING
                for bond in mol.GetBonds())
    if not large:
        return mol.GetBonds()
    copy = Chem.Mol(mol)
    Chem.Kekulize(copy, clearAromaticFlags=True)
    return copy.GetBonds()


def distinct_end(ranks, end, other):
    """The end carries one substituent, or two that RDKit ranks differently."""
    subs = [ranks[n.GetIdx()] for n in end.GetNeighbors() if n.GetIdx() != other.GetIdx()]
    every = subs + [HYDROGEN_RANK] * end.GetTotalNumHs()
    if len(every) == 1:
        return len(subs) == 1
    return len(every) == 2 and every[0] != every[1]


def found(atoms):
    """One hit naming the atoms, or none."""
    if not atoms:
        return []
    listed = ', '.join(str(a) for a in atoms)
    return [(f'{len(atoms)} undefined stereocentres (atoms {listed})', atoms)]
