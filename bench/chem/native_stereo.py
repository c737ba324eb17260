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
    """Tetrahedral C, N+, P or S with distinct substituents and no configuration."""
    ranks = cip_ranks(m.mol)
    if ranks is None:
        return []
    atoms = []
    for atom in m.mol.GetAtoms():
        if atom.GetChiralTag() != Chem.ChiralType.CHI_UNSPECIFIED or not candidate(atom):
            continue
        subs = [ranks[n.GetIdx()] for n in atom.GetNeighbors()]
        subs += [HYDROGEN_RANK] * atom.GetTotalNumHs()
        if len(set(subs)) == len(subs):
            atoms.append(atom.GetIdx())
    return found(atoms)


def candidate(atom):
    """sp3 C or N+ (at most one H), P with four neighbours, S of a sulfoxide, as stereo.ts."""
    z, hs, charge = atom.GetAtomicNum(), atom.GetTotalNumHs(), atom.GetFormalCharge()
    doubles = sum(1 for bond in atom.GetBonds() if bond.GetBondType() != SINGLE)
    degree = atom.GetDegree()
    if hs > 1:
        return False
    if z == 6 or (z == 7 and charge == 1):
        return doubles == 0 and degree + hs == 4
    if z == 15:
        return degree == 4 and doubles <= 1 and hs == 0
    if z == 16 and degree == 3 and hs == 0:
        return (doubles == 1 and charge == 0) or (doubles == 0 and charge == 1)
    return False


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
