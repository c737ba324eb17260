import type { ChemRecordResult } from '../../chem/thread.js';

/** What RDKit's validation said about one line of the file. */
export interface Expected {
  index: number;
  smiles: string;
  /** Names of the [FragmentValidation] messages. */
  fragments: string[];
  /** True when a [NeutralValidation] message is present. */
  charged: boolean;
}

/** Agreeing cases out of the cases that count. */
export interface Rate {
  agree: number;
  total: number;
}

/** The comparison of a run with the expected messages. */
export interface Tally {
  records: number;
  fragments: Rate;
  names: Rate;
  chargedRecall: Rate;
  chargedPrecision: Rate;
  /** Lines that disagree, by reason. */
  disagreements: Map<string, Expected[]>;
  /** Molecules per finding code over the whole run. */
  codes: Map<string, number>;
  seconds: number;
  threads: number;
}

/** Compares each result with what RDKit expected of the same line. */
export function compare(
  expected: Expected[],
  results: ChemRecordResult[],
): Omit<Tally, 'seconds' | 'threads'> {
  const tally = {
    records: expected.length,
    fragments: { agree: 0, total: 0 },
    names: { agree: 0, total: 0 },
    chargedRecall: { agree: 0, total: 0 },
    chargedPrecision: { agree: 0, total: 0 },
    disagreements: new Map<string, Expected[]>(),
    codes: new Map<string, number>(),
  };
  const disagree = (reason: string, line: Expected): void => {
    tally.disagreements.set(reason, [...(tally.disagreements.get(reason) ?? []), line]);
  };

  expected.forEach((line, i) => {
    const result = results[i];
    result.issues.forEach((code) => tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1));
    compareFragments(line, result, tally, disagree);
    compareCharge(line, result, tally, disagree);
  });
  return tally;
}

type Disagree = (reason: string, line: Expected) => void;

function compareFragments(
  line: Expected,
  result: ChemRecordResult,
  tally: Pick<Tally, 'fragments' | 'names'>,
  disagree: Disagree,
): void {
  if (line.fragments.length === 0) return;

  tally.fragments.total += 1;
  const finding = result.findings.find((f) => f.code === 'multiple-fragments');
  if (finding === undefined) {
    disagree(`fragment expected, no multiple-fragments: ${whyNot(result)}`, line);
  } else {
    tally.fragments.agree += 1;
  }

  const ours = namedFragments(finding?.message);
  for (const name of line.fragments) {
    tally.names.total += 1;
    if (ours.includes(name)) tally.names.agree += 1;
    else if (finding !== undefined) disagree(`fragment "${name}" not named`, line);
  }
}

function compareCharge(
  line: Expected,
  result: ChemRecordResult,
  tally: Pick<Tally, 'chargedRecall' | 'chargedPrecision'>,
  disagree: Disagree,
): void {
  const charged = result.issues.includes('charged');
  if (line.charged) {
    tally.chargedRecall.total += 1;
    if (charged) tally.chargedRecall.agree += 1;
    else disagree(`not neutral for RDKit, not charged here: ${whyNot(result)}`, line);
  }
  if (charged) {
    tally.chargedPrecision.total += 1;
    if (line.charged) tally.chargedPrecision.agree += 1;
    else disagree('charged here, neutral for RDKit', line);
  }
}

/** The fragment names of a multiple-fragments message ("2 disconnected fragments: a, b"). */
function namedFragments(message: string | undefined): string[] {
  const names = message === undefined ? undefined : /: (.*)$/.exec(message)?.[1];
  return names === undefined ? [] : names.split(', ');
}

function whyNot(result: ChemRecordResult): string {
  if (result.status === 'error' || result.issues.includes('parse-error')) {
    return `not read (${result.issues.join(';')})`;
  }
  return result.canonicalSmiles?.includes('.') ? 'several fragments, unflagged' : 'one fragment';
}
