// How far molbatch's default checks agree with RDKit's MolStandardize validation messages
// in pubchem-100k-validation.tsv: [FragmentValidation] against multiple-fragments (and the
// fragment's name), [NeutralValidation] against charged, both ways. Run with
// `npm run bench:agreement [-- TSV] [--molecules N]`; bench/chem/agreement.md explains it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createChemPool } from '../../chem/pool.js';
import { compare, type Expected, type Tally } from './agreement-compare.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DEFAULT_TSV = join(root, '..', 'shared', 'data', 'pubchem-100k-validation.tsv');

// Enough records per call to keep every thread busy without holding 100k results twice.
const CALL_SIZE = 2_000;

function readExpected(path: string, limit: number): Expected[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.slice(0, limit).map((line, index) => {
    const [smiles, ...messages] = line.split('\t');
    const fragments = messages.flatMap((m) => {
      const found = /\[FragmentValidation\] (.*) is present/.exec(m);
      return found ? [found[1]] : [];
    });
    const neutral = messages.some((m) => m.includes('[NeutralValidation]'));
    return { index, smiles, fragments, charged: neutral };
  });
}

function rate(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)} %`;
}

function printTally(tally: Tally): void {
  const { fragments, names, chargedRecall, chargedPrecision } = tally;
  const seconds = tally.seconds.toFixed(0);
  console.log(`records: ${tally.records} (${seconds} s, ${tally.threads} threads)`);
  console.log(`[FragmentValidation] -> multiple-fragments: ${fragments.agree}/${fragments.total}` +
    ` = ${rate(fragments.agree, fragments.total)}`);
  console.log(`[FragmentValidation] name among the named fragments: ${names.agree}/${names.total}` +
    ` = ${rate(names.agree, names.total)}`);
  console.log(`[NeutralValidation] -> charged: ${chargedRecall.agree}/${chargedRecall.total}` +
    ` = ${rate(chargedRecall.agree, chargedRecall.total)}`);
  console.log('charged -> [NeutralValidation]: ' +
    `${chargedPrecision.agree}/${chargedPrecision.total}` +
    ` = ${rate(chargedPrecision.agree, chargedPrecision.total)}`);
  console.log('disagreements by reason:');
  for (const [reason, list] of tally.disagreements) {
    const shown = list.slice(0, 5).map((d) => `    line ${d.index + 1}: ${d.smiles}`).join('\n');
    console.log(`  ${list.length}  ${reason}\n${shown}`);
  }
  console.log('findings by code:', JSON.stringify(Object.fromEntries(tally.codes)));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { molecules: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) } },
  });
  const expected = readExpected(positionals[0] ?? DEFAULT_TSV, Number(values.molecules));
  const pool = createChemPool();
  const started = Date.now();
  try {
    const results = [];
    for (let start = 0; start < expected.length; start += CALL_SIZE) {
      const slice = expected.slice(start, start + CALL_SIZE);
      const records = slice.map((e) => ({ index: e.index, structure: e.smiles }));
      results.push(...await pool.validate(records));
    }
    const tally = compare(expected, results);
    printTally({ ...tally, seconds: (Date.now() - started) / 1000, threads: pool.threads });
  } finally {
    await pool.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
