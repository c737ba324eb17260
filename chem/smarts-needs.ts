import { atomicNumber } from './formula.js';

// Reads just enough of a SMARTS string to know which elements every match must
// contain. Anything it does not fully understand adds no requirement, so a
// pattern is never skipped for a molecule it could match.

/** What a SMARTS pattern needs of a molecule before it can match. */
export interface SmartsNeeds {
  /** Least number of atoms of each element (atomic number) that a match uses. */
  elements: Map<number, number>;
  /** Sets of atomic numbers of which the molecule must have at least one each ([F,Cl,Br,I]). */
  anyOf: number[][];
  /** True when the pattern has hydrogen atoms of its own ([H], [#1], [2H]). */
  explicitHydrogen: boolean;
}

// Symbols read without brackets, and the few read inside them; longest first.
const ORGANIC: ReadonlyArray<[string, number]> = [
  ['Cl', 17], ['Br', 35], ['B', 5], ['C', 6], ['N', 7], ['O', 8], ['P', 15], ['S', 16],
  ['F', 9], ['I', 53], ['b', 5], ['c', 6], ['n', 7], ['o', 8], ['p', 15], ['s', 16],
];
const BRACKET_ONLY: ReadonlyArray<[string, number]> = [['Si', 14], ['Se', 34], ['se', 34]];

const EXPLICIT_H = /\[(?:\d+)?(?:#1(?!\d)|H(?![a-z\d]))/;

/** The elements a SMARTS pattern's top-level atoms require, and whether it has H atoms. */
export function smartsNeeds(smarts: string): SmartsNeeds {
  const elements = new Map<number, number>();
  const anyOf: number[][] = [];
  const add = (z: number | null): void => {
    if (z !== null && z !== 1) elements.set(z, (elements.get(z) ?? 0) + 1);
  };
  const addBracket = (body: string): void => {
    const z = bracketElement(body);
    if (z !== null) add(z);
    const choices = z === null ? bracketChoices(body) : null;
    if (choices !== null && !choices.includes(1)) anyOf.push([...new Set(choices)]);
  };

  for (let i = 0; i < smarts.length; i += 1) {
    if (smarts[i] === '[') {
      const end = closing(smarts, i, '[', ']');
      addBracket(smarts.slice(i + 1, end));
      i = end;
    } else if (smarts[i] === '%') {
      i += 2;
    } else {
      const symbol = ORGANIC.find(([s]) => smarts.startsWith(s, i));
      if (symbol) {
        add(symbol[1]);
        i += symbol[0].length - 1;
      }
    }
  }
  return { elements, anyOf, explicitHydrogen: EXPLICIT_H.test(smarts) };
}

/** The element a bracket atom must be, or null when it may be more than one. */
function bracketElement(body: string): number | null {
  for (const term of splitTop(body, ';')) {
    if (splitTop(term, ',').length > 1) continue;

    for (const factor of splitTop(term, '&')) {
      const z = factorElement(factor);
      if (z !== null) return z;
    }
  }
  return null;
}

/** The elements one of which a list atom ([F,Cl,Br,I], [$([Ru]),$([#45])]) must be. */
function bracketChoices(body: string): number[] | null {
  const terms = splitTop(body, ';');
  if (terms.length !== 1) return null;

  const choices: number[] = [];
  for (const alternative of splitTop(terms[0], ',')) {
    const z = alternativeElement(alternative);
    if (z === null) return null;
    choices.push(z);
  }
  return choices;
}

function alternativeElement(alternative: string): number | null {
  const factors = splitTop(alternative, '&');
  const zs = factors.map((factor) => {
    const recursive = /^\$\((.*)\)$/.exec(factor);
    return recursive ? firstAtomElement(recursive[1]) : factorElement(factor);
  });
  return zs.find((z) => z !== null) ?? null;
}

/** The element of the first atom of a SMARTS, the atom a recursive SMARTS is about. */
function firstAtomElement(smarts: string): number | null {
  if (smarts.startsWith('[')) return bracketElement(smarts.slice(1, closing(smarts, 0, '[', ']')));
  const symbol = ORGANIC.find(([s]) => smarts.startsWith(s));
  return symbol ? symbol[1] : null;
}

function factorElement(factor: string): number | null {
  const number = /^#(\d+)/.exec(factor);
  if (number) return Number(number[1]);
  // A bracket that is nothing but a symbol names that element ([Ru], [Co], [Sn]).
  const whole = atomicNumber(factor);
  if (whole !== null) return whole;

  // Isotope digits may come first; a symbol must not run into a longer one (Cs, Co, Sn...).
  const text = factor.replace(/^\d+/, '');
  const known = [...BRACKET_ONLY, ...ORGANIC].find(([s]) => text.startsWith(s));
  if (!known) return null;
  const next = text[known[0].length] ?? '';
  return /[a-z]/.test(next) && !/^[a-z]/.test(known[0]) ? null : known[1];
}

/** Splits on a separator outside any recursive $( ... ) part. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')') depth -= 1;
    if (depth === 0 && text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the bracket that closes the one at `open`, skipping nested pairs. */
function closing(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === left) depth += 1;
    if (text[i] === right && (depth -= 1) === 0) return i;
  }
  return text.length;
}
