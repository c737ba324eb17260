import type { RDKitModule, RDKitMol } from '../../chem/rdkit.js';

/** Size of one depiction in CSS pixels. */
export const DEPICTION_SIZE = { width: 280, height: 210 } as const;

// RDKit's drawings use only these elements; anything else (a script, a link) is not drawn.
const ALLOWED_TAGS = new Set(['svg', 'rect', 'path', 'ellipse', 'circle', 'line', 'polyline',
  'polygon', 'g', 'text', 'tspan', 'title', 'metadata']);

/**
 * Draws a structure with RDKit, highlighting the given atoms; returns inline SVG,
 * or null when RDKit cannot read it even without sanitization.
 */
export function depict(rdkit: RDKitModule, structure: string, atoms: number[]): string | null {
  const read = readForDrawing(rdkit, structure);
  if (read === null) return null;

  const { mol, sanitized } = read;
  try {
    const inRange = atoms.filter((atom) => atom < mol.get_num_atoms());
    // A larger highlight than RDKit's default stays visible on big, shrunken molecules;
    // an unsanitized molecule cannot be kekulized, so its aromatic bonds stay dashed.
    const details = {
      ...DEPICTION_SIZE, atoms: inRange, kekulize: sanitized, fixedBondLength: 50,
      highlightRadius: 0.45,
    };
    return inlineSvg(mol.get_svg_with_highlights(JSON.stringify(details)));
  } catch {
    // The WASM build throws bare exceptions on some broken structures; they stay undrawn.
    return null;
  } finally {
    mol.delete();
  }
}

function readForDrawing(
  rdkit: RDKitModule,
  structure: string,
): { mol: RDKitMol; sanitized: boolean } | null {
  const molfile = structure.includes('M  END');
  const text = molfile ? structure : structure.trim();
  // Most failing molecules are those RDKit cannot sanitize; they are drawn as written.
  for (const sanitize of [true, false]) {
    const details = molfile ? { sanitize, removeHs: sanitize } : { sanitize };
    const mol = rdkit.get_mol(text, JSON.stringify(details));
    if (mol?.is_valid() && mol.get_num_atoms() > 0) return { mol, sanitized: sanitize };
    mol?.delete();
  }
  return null;
}
function inlineSvg(svg: string): string | null {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!--[^]*?-->\s*/g, '');
  const tags = body.match(/<\/?([a-zA-Z][\w:-]*)/g) ?? [];
  const safe = tags.every((tag) => ALLOWED_TAGS.has(tag.replace(/^<\/?/, '')))
    && !/\son\w+\s*=|href\s*=/i.test(body);
  return safe ? body : null;
}
