import fs from 'node:fs';

// Enough to hold the header line of any sensible table.
const SNIFF_BYTES = 64 * 1024;

const DELIMITERS = [',', ';', '\t'] as const;

/** A field delimiter a table may use. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Reads the first line of a file (without BOM and line end); empty for an empty file. */
export async function firstLine(file: string): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/** The delimiter used most often outside quotes on the header line; `fallback` on a tie. */
export function detectDelimiter(line: string, fallback: Delimiter): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && counts.has(char as Delimiter)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }

  let best = fallback;
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) {
      best = delimiter;
    }
  }
  return best;
}

// One SMILES token: a bracket atom, an organic-subset atom, a bond, a branch, a ring closure or
// a dot. Header words ("foo", "name", "ID") fail on a letter no SMILES uses bare.
const SMILES_TOKEN = /\[[^\]]+\]|Cl|Br|[BCNOPSFI]|[bcnops]|[-=#$:/\\.()~@+*]|%\d{2}|\d/y;

/** True when the text reads as SMILES (with an optional CXSMILES `|...|` part). */
export function looksLikeSmiles(text: string): boolean {
  const smiles = text.trim().replace(/\s+\|[^|]*\|$/, '');
  if (smiles === '' || !/[A-Za-z*]/.test(smiles)) {
    return false;
  }

  SMILES_TOKEN.lastIndex = 0;
  while (SMILES_TOKEN.lastIndex < smiles.length) {
    if (!SMILES_TOKEN.test(smiles)) {
      return false;
    }
  }
  return true;
}
