import { loadRdkit, type RDKitModule } from '../chem/rdkit.js';
import type { ResultRow } from '../store/index.js';

// A molblock without atoms: RDKit and other readers open it, so a record that could not be
// read still has its place and its properties in the file.
const EMPTY_CTAB = [
  '     molbatch', '', '  0  0  0  0  0  0  0  0  0  0999 V2000', 'M  END',
].join('\n');

/** Results under these names come first; an input property of the same name is renamed. */
const RESULT_KEYS = [
  'index', 'line', 'status', 'score', 'issues', 'message', 'canonical_smiles', 'inchikey',
  'formula', 'mw', 'input',
];

/** Turns results into SD records, one per result, with the results as SD properties. */
export async function* sdfRecords(rows: AsyncIterable<ResultRow>): AsyncGenerator<string> {
  const rdkit = await loadRdkit();
  for await (const row of rows) {
    yield sdfRecord(rdkit, row);
  }
}

/** One SD record: the structure's molblock, then every property, then `$$$$`. */
export function sdfRecord(rdkit: RDKitModule, row: ResultRow): string {
  const block = `${molblockOf(rdkit, row).replace(/\n+$/, '')}\n`;
  const data = propertiesOf(row)
    .map(([key, value]) => [oneLine(key), valueLines(value)] as const)
    .filter(([, lines]) => lines !== '')
    .map(([key, lines]) => `> <${key}>\n${lines}\n\n`);
  return `${block}${data.join('')}$$$$\n`;
}

/** The input molfile when there was one, RDKit's molblock of the canonical SMILES otherwise. */
function molblockOf(rdkit: RDKitModule, row: ResultRow): string {
  const title = oneLine(row.name ?? '');
  const valid = row.status === 'pass' || row.status === 'warn';
  if (valid && row.input?.includes('M  END')) {
    return row.input;
  }
  if (!valid || row.canonicalSmiles === null) {
    return `${title}\n${EMPTY_CTAB}`;
  }

  const mol = rdkit.get_mol(row.canonicalSmiles);
  try {
    if (mol === null || !mol.is_valid()) {
      return `${title}\n${EMPTY_CTAB}`;
    }
    return `${title}\n${mol.get_molblock().split('\n').slice(1).join('\n')}`;
  } finally {
    mol?.delete();
  }
}

function propertiesOf(row: ResultRow): Array<[string, string]> {
  const molfileInput = row.input?.includes('M  END') ?? false;
  const results: Array<[string, string]> = [
    ['index', String(row.recordIndex)],
    ['line', String(row.line)],
    ['status', row.status],
    ['score', row.score === null ? '' : String(row.score)],
    ['issues', row.issues],
    ['message', row.message],
    ['canonical_smiles', row.canonicalSmiles ?? ''],
    ['inchikey', row.inchikey ?? ''],
    ['formula', row.formula ?? ''],
    ['mw', row.mw === null ? '' : String(row.mw)],
    ['input', molfileInput ? '' : (row.input ?? '')],
  ];
  const own = Object.entries(row.inputProperties ?? {}).map(([key, value]): [string, string] =>
    [RESULT_KEYS.includes(key) ? `input.${key}` : key, value]);
  return [...results, ...own];
}

/** A value as SD lines: a blank line would end it and `$$$$` would end the record. */
function valueLines(value: string): string {
  return value
    .split(/\r\n|\n|\r/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && line !== '$$$$')
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
