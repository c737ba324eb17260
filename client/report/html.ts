import type { Finding } from '../../chem/findings.js';
import { STATUSES } from '../../common/types.js';
import { scoreHistogram } from './chart.js';
import type { FindingTally, ReportData, ShownMolecule } from './collect.js';
import { REPORT_CSS } from './style.js';

/** What the page says about the batch itself, from its row in the store. */
export interface BatchInfo {
  batchId: string;
  state: string;
  sourcePath: string;
  submitter: string;
  createdAt: Date;
  completedAt: Date | null;
  durationMs: number | null;
}

/** A failing molecule with its drawing (inline SVG), or null when RDKit could not draw it. */
export type DrawnMolecule = ShownMolecule & { svg: string | null };

/** Everything one page shows. */
export interface ReportPage {
  batch: BatchInfo;
  data: ReportData;
  drawn: DrawnMolecule[];
  generatedAt: Date;
}

// No script, no network: the page can only use its own inline styles and images.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Escapes text for HTML content and quoted attributes; control characters become U+FFFD. */
export function escapeHtml(text: string): string {
  // RDKit prints some enums as raw bytes (e.g. a bond type as \x11): not valid in HTML.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '\ufffd')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Renders the self-contained report page. */
export function renderReport(page: ReportPage): string {
  const title = `molbatch report: ${escapeHtml(page.batch.batchId)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title><style>${REPORT_CSS}</style></head>`,
    `<body><main><h1>${title}</h1>`,
    header(page.batch),
    summary(page),
    '<h2>Score distribution</h2>',
    scoreHistogram(page.data.scoreBins),
    scoreNote(page.data),
    findingsTable(page.data.findings),
    failingSection(page),
    unreadableSection(page),
    `<footer>Generated ${page.generatedAt.toISOString()} by molbatch.</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

function header(batch: BatchInfo): string {
  const completed = batch.completedAt ? `, completed ${batch.completedAt.toISOString()}` : '';
  return [
    `<p class="meta">State <strong data-field="state">${escapeHtml(batch.state)}</strong>`,
    `, submitted by ${escapeHtml(batch.submitter)} ${batch.createdAt.toISOString()}`,
    `${completed}</p>`,
    `<p class="meta">Source <code>${escapeHtml(batch.sourcePath)}</code></p>`,
  ].join('');
}

function summary({ batch, data }: ReportPage): string {
  const mean = data.meanScore === null ? 'n/a' : data.meanScore.toFixed(1);
  const duration = batch.durationMs === null ? 'n/a' : formatDuration(batch.durationMs);
  const cells = [
    stat('total', 'molecules', String(data.total)),
    ...STATUSES.map((status) => stat(status, status, String(data.counts[status]))),
    stat('mean-score', 'mean score', mean),
    stat('duration', 'duration', duration),
  ];
  return `<dl class="summary">${cells.join('')}</dl>`;
}

function stat(key: string, label: string, value: string): string {
  return `<div class="${key}"><dt>${label}</dt><dd data-stat="${key}">${value}</dd></div>`;
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} min`;
}

function scoreNote(data: ReportData): string {
  const unscored = data.total - data.scored;
  const extra = unscored > 0 ? `; ${unscored} without a score are not shown` : '';
  const text = `Score 0\u2013100 per molecule: 100 less the penalties of its findings${extra}.`;
  return `<p class="note">${text}</p>`;
}

function findingsTable(findings: FindingTally[]): string {
  if (findings.length === 0) return '<h2>Findings</h2><p class="note">No findings.</p>';

  const rows = findings.map((f) => [
    `<tr data-code="${escapeHtml(f.code)}"><td><code>${escapeHtml(f.code)}</code></td>`,
    `<td>${severityBadge(f.severity)}</td><td class="num">${f.molecules}</td>`,
    `<td>${escapeHtml(f.example)} <span class="note">(line ${f.exampleLine})</span></td></tr>`,
  ].join(''));
  return [
    '<h2>Most frequent findings</h2><table class="findings"><thead><tr><th>code</th>',
    '<th>severity</th><th class="num">molecules</th><th>example</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('');
}

function severityBadge(severity: Finding['severity']): string {
  return `<span class="sev sev-${severity}">${severity}</span>`;
}

function failingSection(page: ReportPage): string {
  if (page.drawn.length === 0) return '';

  const figures = page.drawn.map(figure);
  return [
    '<h2>Failing molecules</h2>',
    cappedNote(page.drawn.length, page.data.counts.fail, 'failing molecules'),
    '<p class="note">Offending atoms are highlighted where the findings name them.</p>',
    `<div class="molecules">${figures.join('')}</div>`,
  ].join('');
}

function figure(molecule: DrawnMolecule): string {
  const drawing = molecule.svg ?? '<div class="undrawn">RDKit could not draw this structure</div>';
  const name = molecule.name ? ` \u00b7 ${escapeHtml(molecule.name)}` : '';
  const findings = molecule.findings.map((f) => [
    `<p>${severityBadge(f.severity)} <code>${escapeHtml(f.code)}</code>`,
    ` ${escapeHtml(f.message)}</p>`,
  ].join(''));
  return [
    `<figure class="molecule" data-index="${molecule.recordIndex}"`,
    ` data-atoms="${molecule.atoms.join(' ')}">${drawing}<figcaption>`,
    `<strong>line ${molecule.line}</strong>${name}`,
    `<p><code>${escapeHtml(molecule.structure ?? '')}</code></p>`,
    ...findings,
    '</figcaption></figure>',
  ].join('');
}

function unreadableSection(page: ReportPage): string {
  const shown = page.data.unreadable;
  if (shown.length === 0) return '';

  const rows = shown.map((m) => [
    `<tr data-index="${m.recordIndex}"><td class="num">${m.line}</td>`,
    `<td>${escapeHtml(m.name ?? '')}</td><td><code>${escapeHtml(m.structure ?? '')}</code></td>`,
    `<td>${escapeHtml(m.message)}</td></tr>`,
  ].join(''));
  return [
    '<h2>Unreadable records</h2>',
    cappedNote(shown.length, page.data.counts.error, 'unreadable records'),
    '<table class="unreadable"><thead><tr><th class="num">line</th><th>name</th>',
    '<th>input</th><th>why</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
  ].join('');
}

function cappedNote(shown: number, total: number, what: string): string {
  return shown < total ? `<p class="note">The first ${shown} of ${total} ${what}.</p>` : '';
}
