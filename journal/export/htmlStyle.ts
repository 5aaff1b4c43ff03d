// The HTML export's stylesheet, inlined in the page: system fonts only, nothing fetched.
export const HTML_STYLE = `
:root { color-scheme: light; --text: #1f2937; --muted: #6b7280; --line: #e5e7eb; --panel: #f9fafb; --better: #047857; --worse: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text); font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 0 0 4px; overflow-wrap: anywhere; }
h3 { font-size: 16px; margin: 22px 0 8px; }
h4 { font-size: 15px; margin: 12px 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
nav ol { margin: 8px 0 0; padding-left: 22px; }
nav a { color: #0b5cad; overflow-wrap: anywhere; }
section { border-top: 1px solid var(--line); padding-top: 24px; margin-top: 32px; }
.kpis { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.kpi { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 112px; }
.kpi .label { font-size: 12px; color: var(--muted); letter-spacing: 0.02em; }
.kpi .value { font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums; }
.notes { background: #fffbeb; border-left: 3px solid #f59e0b; padding: 4px 16px; margin: 12px 0; overflow-wrap: anywhere; }
.columns { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .columns { grid-template-columns: minmax(0, 1fr); } }
pre { background: #111827; color: #e5e7eb; padding: 12px 14px; border-radius: 8px; overflow-x: auto; font: 12.5px/1.45 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; margin: 0; max-height: 520px; }
.notes pre { background: #f3f4f6; color: var(--text); max-height: none; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.92em; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.detail { display: block; font-size: 12px; font-weight: 400; color: var(--muted); white-space: normal; }
table.facts th { width: 30%; background: none; color: var(--muted); font-weight: 500; }
table.facts td { overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; margin-top: 16px; }
.charts.wide { grid-template-columns: minmax(0, 1fr); }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 6px; background: #fff; }
figure svg { display: block; width: 100%; height: auto; }
table.compare { width: auto; min-width: 60%; }
table.compare th, table.compare td { padding: 7px 16px; }
table.compare tr > th:first-child { background: none; }
table.compare tr:first-child > th { background: var(--panel); }
.change { font-size: 13px; margin-left: 6px; }
.better { color: var(--better); }
.worse { color: var(--worse); }
.same, .unknown { color: var(--muted); }
.footnote { font-size: 13px; color: var(--muted); margin-top: 8px; }
.unknown-value { color: var(--muted); font-style: italic; }
`;
