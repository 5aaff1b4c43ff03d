// A sweep as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched; the
// same CSP as the run export): the plan, the knee, the curve and the steps' table, knee row marked.
// Every text from a record is escaped.
import type { SweepView } from '../../common/labApi.ts';
import { escapeXml } from '../../journal/export/escape.ts';
import { htmlHead } from '../../journal/export/htmlHead.ts';
import { HTML_STYLE } from '../../journal/export/htmlStyle.ts';
import { notesToHtml } from '../../journal/export/notesHtml.ts';
import { renderLineChart } from '../../journal/export/svg/lineChart.ts';
import { sweepCurveChart } from './sweepCurveSvg.ts';
import { kneeSentence, STEP_COLUMNS, stepRows, sweepFacts } from './sweepFacts.ts';

const CURVE_SIZE = { width: 1120, height: 420 };
const SWEEP_STYLE = `
.knee { font-size: 17px; margin: 12px 0; }
tr.knee-row td { background: #ecfdf5; font-weight: 600; }
td.bad { color: var(--worse); }
td.good { color: var(--better); }
`;

export function sweepHtml(view: SweepView): string {
  const { experiment } = view;
  const facts = sweepFacts(view).map(([label, value]) => `<tr><th>${escapeXml(label)}</th><td>${escapeXml(value)}</td></tr>`);
  const head = `<tr>${STEP_COLUMNS.map((column, index) => `<th${index < STEP_COLUMNS.length - 1 ? ' class="num"' : ''}>${escapeXml(column)}</th>`).join('')}</tr>`;
  const rows = stepRows(view).map((row) => {
    const cells = row.cells.map((cell, index) => (index === row.cells.length - 1 ? `<td class="${row.good ? 'good' : 'bad'}">${escapeXml(cell)}</td>` : `<td class="num">${escapeXml(cell)}</td>`));
    return `<tr data-run="${escapeXml(row.runId)}"${row.knee ? ' class="knee-row"' : ''}>${cells.join('')}</tr>`;
  });
  return [
    ...htmlHead(`Loadlab sweep: ${experiment.title}`, `${HTML_STYLE}${SWEEP_STYLE}`),
    `<header><h1>${escapeXml(experiment.title)}</h1><p class="subtitle">${escapeXml(`Loadlab rate sweep · ${view.steps.length} steps · ${experiment.id}`)}</p></header>`,
    `<p class="knee" data-knee="${view.kneePerSec ?? ''}"><strong>${escapeXml(kneeSentence(view))}</strong></p>`,
    experiment.notes.trim() === '' ? '' : `<div class="notes">${notesToHtml(experiment.notes)}</div>`,
    `<table class="facts">${facts.join('')}</table>`,
    `<div class="charts wide"><figure>${renderLineChart({ ...sweepCurveChart(view), ...CURVE_SIZE })}</figure></div>`,
    '<p class="footnote">One point per step at the throughput it achieved. Rings on dashed lines: figures that are only lower bounds (requests left unanswered counted at their wait) or steps that answered under 99 % of what they scheduled. The large ring is the knee’s p99.</p>',
    '<h2>Steps</h2>',
    `<table class="steps">${head}${rows.join('')}</table>`,
    '</main></body>',
    '</html>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
