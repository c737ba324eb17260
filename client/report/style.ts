/** The page's only style sheet, inlined so the report opens anywhere without a network. */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --panel: #f6f7f9;
  --pass: #2e7d4f; --warn: #b7791f; --fail: #c0392b; --error: #6b4fa0; --bar: #3c6e9f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 36px 0 12px; padding-bottom: 6px;
  border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0; }
.meta code { color: var(--ink); }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, monospace; word-break: break-all; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
  gap: 12px; margin: 20px 0 0; }
.summary div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: 10px 14px; }
.summary dt { color: var(--muted); font-size: 13px; }
.summary dd { margin: 2px 0 0; font-size: 22px; font-weight: 600; white-space: nowrap; }
.summary .pass dd { color: var(--pass); } .summary .warn dd { color: var(--warn); }
.summary .fail dd { color: var(--fail); } .summary .error dd { color: var(--error); }
.histogram { width: 100%; max-width: 720px; height: auto; display: block; }
.histogram .bar { fill: var(--bar); }
.histogram text { font-size: 12px; text-anchor: middle; fill: var(--muted); }
.histogram .count { fill: var(--ink); }
.histogram .axis { stroke: var(--muted); stroke-width: 1; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
.findings td:first-child code { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px;
  color: #fff; background: var(--muted); }
.sev-warning { background: var(--warn); } .sev-error { background: var(--fail); }
.sev-critical { background: var(--error); } .sev-info { background: var(--bar); }
.molecules { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
  gap: 16px; }
.molecule { margin: 0; border: 1px solid var(--line); border-radius: 8px; overflow: hidden;
  display: flex; flex-direction: column; }
.molecule svg { display: block; width: 100%; height: auto; background: #fff; }
.molecule .undrawn { height: 160px; display: flex; align-items: center; justify-content: center;
  color: var(--muted); background: var(--panel); }
.molecule figcaption { padding: 8px 12px 12px; border-top: 1px solid var(--line);
  background: var(--panel); font-size: 14px; flex: 1; }
.molecule figcaption p { margin: 4px 0 0; }
.note { color: var(--muted); font-size: 14px; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
`;
