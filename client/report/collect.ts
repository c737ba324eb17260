import type { Finding, Severity } from '../../chem/findings.js';
import type { MoleculeStatus } from '../../common/types.js';
import type { BatchStore, ResultRow } from '../../store/index.js';
import { offendingAtoms, parseFindings } from './findings.js';

/** Width of one bin of the score histogram; ten bins cover 0-100. */
export const SCORE_BIN_WIDTH = 10;
const BIN_COUNT = 100 / SCORE_BIN_WIDTH;

/** How often one finding code occurred, with the first message seen as an example. */
export interface FindingTally {
  code: string;
  severity: Severity;
  /** Molecules with at least one finding of this code. */
  molecules: number;
  example: string;
  exampleLine: number;
}

/** A molecule the report shows in detail: a failing one (drawn) or an unreadable one. */
export interface ShownMolecule {
  recordIndex: number;
  line: number;
  name: string | null;
  structure: string | null;
  status: MoleculeStatus;
  message: string;
  findings: Finding[];
  atoms: number[];
}

/** Everything the report page shows, gathered in one pass over the results. */
export interface ReportData {
  counts: Record<MoleculeStatus, number>;
  total: number;
  /** Molecules per score bin, bin i holding scores in [10i, 10i + 10), the last with 100. */
  scoreBins: number[];
  scored: number;
  meanScore: number | null;
  findings: FindingTally[];
  failing: ShownMolecule[];
  unreadable: ShownMolecule[];
}

/** Reads a batch's results a page at a time, keeping tallies and the first `maxShown` of each. */
export async function collectReport(
  store: BatchStore,
  batchId: string,
  maxShown: number,
): Promise<ReportData> {
  const data: ReportData = {
    counts: { pass: 0, warn: 0, fail: 0, error: 0 },
    total: 0,
    scoreBins: new Array<number>(BIN_COUNT).fill(0),
    scored: 0,
    meanScore: null,
    findings: [],
    failing: [],
    unreadable: [],
  };
  const tallies = new Map<string, FindingTally>();
  let scoreSum = 0;

  for await (const page of store.readResults(batchId)) {
    for (const row of page) {
      const findings = parseFindings(row.findings);
      countRow(data, row);
      tallyFindings(tallies, row, findings);
      if (row.score !== null) scoreSum += row.score;
      keepShown(data, row, findings, maxShown);
    }
  }

  data.meanScore = data.scored === 0 ? null : scoreSum / data.scored;
  data.findings = [...tallies.values()].sort((a, b) => b.molecules - a.molecules
    || a.code.localeCompare(b.code));
  return data;
}

function countRow(data: ReportData, row: ResultRow): void {
  data.counts[row.status] += 1;
  data.total += 1;
  if (row.score === null) return;

  const bin = Math.min(BIN_COUNT - 1, Math.max(0, Math.floor(row.score / SCORE_BIN_WIDTH)));
  data.scoreBins[bin] += 1;
  data.scored += 1;
}

function tallyFindings(tallies: Map<string, FindingTally>, row: ResultRow, findings: Finding[]) {
  const codes = new Set<string>();
  for (const finding of findings) {
    if (codes.has(finding.code)) continue;
    codes.add(finding.code);

    const known = tallies.get(finding.code);
    if (known) {
      known.molecules += 1;
    } else {
      tallies.set(finding.code, {
        code: finding.code, severity: finding.severity, molecules: 1,
        example: finding.message, exampleLine: row.line,
      });
    }
  }
}

function keepShown(data: ReportData, row: ResultRow, findings: Finding[], maxShown: number) {
  const list = row.status === 'fail' ? data.failing : row.status === 'error' ? data.unreadable
    : null;
  if (list === null || list.length >= maxShown) return;

  list.push({
    recordIndex: row.recordIndex,
    line: row.line,
    name: row.name,
    structure: row.input ?? row.converted,
    status: row.status,
    message: row.message,
    findings,
    atoms: offendingAtoms(findings),
  });
}
