// Records per second of the input readers and the SDF writer, each beside an anchor measured in
// the same run: reading an SD file against reading its lines bare; writing SD records against
// RDKit parsing the same SMILES. Run `npm run build` first, then
// `node bench/io/run.mjs [TSV] [--molecules N] [--trials N]` (bench/io/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

import { readRecords } from '../../dist/activities/input/read-records.js';
import { loadRdkit } from '../../dist/chem/rdkit.js';
import { sdfRecord } from '../../dist/client/export-sdf.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_TSV = path.join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    molecules: { type: 'string', default: '5000' },
    trials: { type: 'string', default: '3' },
  },
});
const count = Number(values.molecules);
const smiles = fs.readFileSync(positionals[0] ?? DEFAULT_TSV, 'utf8')
  .split('\n').slice(0, count).map((line) => line.split('\t')[0]).filter(Boolean);
const rdkit = await loadRdkit();

/** A result row as the store gives it, for a molecule that passed. */
function row(text, i) {
  return {
    recordIndex: i, line: i + 1, name: `m${i}`, input: text, converted: null, status: 'pass',
    message: '', issues: '', canonicalSmiles: text, inchikey: null, formula: null, mw: null,
    score: 100, findings: [], properties: null, inputProperties: { source: 'bench' },
  };
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const rows = smiles.map(row);
const sdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-bench-')), 'b.sdf');
fs.writeFileSync(sdfFile, rows.map((r) => sdfRecord(rdkit, r)).join(''));

const parseAll = () => smiles.forEach((s) => rdkit.get_mol(s)?.delete());
const writeAll = () => rows.forEach((r) => sdfRecord(rdkit, r));
const readLines = async () => {
  let chars = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(sdfFile, 'utf8') });
  for await (const line of lines) chars += line.length;
  return chars;
};
const readSdf = async () => {
  let records = 0;
  for await (const record of readRecords(sdfFile)) records += record.readError === null ? 1 : 0;
  if (records !== smiles.length) throw new Error(`read ${records} of ${smiles.length} records`);
};

for (let trial = 1; trial <= Number(values.trials); trial++) {
  const [parseMs, writeMs, linesMs, readMs] = [
    await timed(parseAll), await timed(writeAll), await timed(readLines), await timed(readSdf),
  ];
  console.log(JSON.stringify({
    trial, molecules: smiles.length,
    sdfWritePerSecond: Math.round(smiles.length / (writeMs / 1000)),
    writeOverParse: Number((writeMs / parseMs).toFixed(2)),
    sdfReadPerSecond: Math.round(smiles.length / (readMs / 1000)),
    readOverBareLines: Number((readMs / linesMs).toFixed(2)),
  }));
}
