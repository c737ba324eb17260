// Whether the WASM engine and the native script did the same work: the molecules each side flags
// with every check code, side by side.

/** Per code: molecules flagged by WASM, by native, by both, and both over either. */
export function agreementByCode(wasmIssues, nativeIssues) {
  const codes = new Set([...wasmIssues, ...nativeIssues].flat());
  return [...codes].sort().map((code) => {
    let wasm = 0;
    let native = 0;
    let both = 0;
    const differing = [];
    wasmIssues.forEach((issues, index) => {
      const w = issues.includes(code);
      const n = nativeIssues[index].includes(code);
      wasm += w ? 1 : 0;
      native += n ? 1 : 0;
      both += w && n ? 1 : 0;
      if (w !== n) differing.push({ index, side: w ? 'wasm' : 'native' });
    });
    return { code, wasm, native, both, agreement: both / (wasm + native - both), differing };
  });
}

/** Findings counted by code on one side. */
export function findingCounts(results) {
  const counts = {};
  for (const result of results) {
    for (const { code } of result.findings) counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/** The agreement as a text table, with a few differing SMILES per code. */
export function agreementTable(rows, counts, smiles) {
  const lines = [
    `${'code'.padEnd(30)}molecules: wasm  native  both  agreement  findings: wasm  native`,
  ];
  for (const row of rows) {
    const cells = [
      row.code.padEnd(38), pad(row.wasm, 5), pad(row.native, 8), pad(row.both, 6),
      `${(100 * row.agreement).toFixed(2)} %`.padStart(11),
      pad(counts.wasm[row.code] ?? 0, 16), pad(counts.native[row.code] ?? 0, 8),
    ];
    lines.push(cells.join(''));
    for (const { index, side } of row.differing.slice(0, 3)) {
      lines.push(`    only ${side}: #${index} ${smiles[index]}`);
    }
  }
  return lines.join('\n');
}

function pad(value, width) {
  return String(value).padStart(width);
}
