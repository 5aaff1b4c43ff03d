// The HTML export: one self-contained page (inline CSS and SVG, no script, no font or image
// fetched; a CSP forbids both) with, per run, the figures, notes, report, percentiles and charts,
// and for several runs a comparison first. Every text from a record is escaped.
import { formatLatencyUs, formatSignificant } from '../../common/chart/axis.ts';
import { totalErrors, type BoundedStat, type RunRecord } from '../../common/runRecord.ts';
import { formatCompletion, headlineLatency, isIncomplete } from '../../common/censored.ts';
import { compareGroups, formatGroupValue, formatValue, type Comparison, type GroupValue, type Metric } from '../../common/compare.ts';
import { compareP99Chart, compareSpectrumChart, compareThroughputChart, runLatencyChart, runSpectrumChart, runThroughputChart } from './charts.ts';
import { escapeXml } from './escape.ts';
import { uniqueStems } from './fileNames.ts';
import { htmlHead } from './htmlHead.ts';
import { HTML_STYLE } from './htmlStyle.ts';
import { notesToHtml } from './notesHtml.ts';
import { reportText } from '../../common/report/reportText.ts';
import { groupingText, groupRuns, runName, type GroupSpec } from './runGroups.ts';
import { formatInstant, percentileTable, runFacts, toolOf, UNKNOWN } from './runFacts.ts';
import { renderLineChart, type LineChart } from './svg/lineChart.ts';

const WIDE = { width: 1120, height: 380 };
const HALF = { width: 560, height: 320 };

/** `groups`: the person's grouping for the comparison; by default each run is alone. */
export function exportHtml(records: readonly RunRecord[], groups: readonly GroupSpec[] = []): string {
  if (records.length === 0) throw new Error('nothing to export: no runs given');
  const anchors = uniqueStems(records.map((record) => record.id)).map((stem) => `run-${stem}`);
  const title = records.length === 1 && records[0] ? `Loadlab: ${records[0].title}` : `Loadlab: ${records.length} runs`;
  const body = [
    `<header><h1>Loadlab report</h1><p class="subtitle">${escapeXml(subtitle(records))}</p>${records.length > 1 ? runIndex(records, anchors) : ''}</header>`,
    records.length > 1 ? comparisonSection(records, groups) : '',
    ...records.map((record, index) => runSection(record, index, anchors[index] ?? `run-${index + 1}`)),
  ];
  return [
    ...htmlHead(title, HTML_STYLE),
    ...body.filter((part) => part !== ''),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

function subtitle(records: readonly RunRecord[]): string {
  const days = records.map((record) => record.startedAt).filter((at): at is string => at !== null).sort();
  const span = days.length === 0 ? 'dates unknown' : days[0] === days.at(-1) ? formatInstant(days[0] ?? null) : `${formatInstant(days[0] ?? null)} to ${formatInstant(days.at(-1) ?? null)}`;
  return `${records.length} run${records.length === 1 ? '' : 's'} · ${span}`;
}

function runIndex(records: readonly RunRecord[], anchors: readonly string[]): string {
  const items = records.map((record, index) => `<li><a href="#${escapeXml(anchors[index] ?? '')}">${escapeXml(record.title)}</a> <span class="subtitle">· ${escapeXml(formatInstant(record.startedAt))} · ${escapeXml(formatSignificant(record.summary.reqPerSec))} req/s</span></li>`);
  return `<nav><ol>${items.join('')}</ol></nav>`;
}

function figure(spec: LineChart, size: { width: number; height: number }): string {
  return `<figure>${renderLineChart({ ...spec, ...size })}</figure>`;
}

function runSection(record: RunRecord, index: number, anchor: string): string {
  const tags = record.tags.length === 0 ? '' : ` · tags: ${record.tags.join(', ')}`;
  const parts = [
    `<section class="run" id="${escapeXml(anchor)}">`,
    `<h2>${escapeXml(runName(record, index))}</h2>`,
    `<p class="subtitle">${escapeXml(`${formatInstant(record.startedAt)} · ${toolOf(record)}${tags}`)}</p>`,
    kpis(record),
    record.notes.trim() === '' ? '' : `<div class="notes">${notesToHtml(record.notes)}</div>`,
    '<div class="columns">',
    `<div><h3>Report</h3><pre>${escapeXml(reportText(record))}</pre></div>`,
    `<div><h3>Run</h3>${factsTable(record)}<h3>Latency percentiles</h3>${percentilesTable(record)}</div>`,
    '</div>',
    `<div class="charts wide">${figure(runSpectrumChart(record), WIDE)}</div>`,
    `<div class="charts">${figure(runThroughputChart(record), HALF)}${figure(runLatencyChart(record), HALF)}</div>`,
    '</section>',
  ];
  return parts.filter((part) => part !== '').join('\n');
}

function kpis(record: RunRecord): string {
  const { summary } = record;
  // Headline latency: unanswered requests counted at their wait ("≥" where that bounds it).
  const us = (stat: BoundedStat): string | null => {
    const value = headlineLatency(summary, stat);
    return value.valueUs === null ? null : `${value.lowerBound ? '≥ ' : ''}${formatLatencyUs(value.valueUs)}`;
  };
  const completion = summary.completion ?? null;
  const items: [string, string | null][] = [
    ['req/s', formatSignificant(summary.reqPerSec)],
    ['completion', completion === null ? null : `${formatCompletion(completion)}${isIncomplete(completion) ? ' below 99 %' : ''}`],
    ['mean', us('mean')],
    ['stdev', summary.latencyUs.count === 0 ? null : summary.latencyUs.stdev === null ? null : formatLatencyUs(summary.latencyUs.stdev)],
    ['p50', us('p50')],
    ['p99', us('p99')],
    ['p99.9', us('p999')],
    ['max', us('max')],
    ['errors', summary.errors === null ? null : String(totalErrors(summary.errors))],
  ];
  return `<div class="kpis">${items.map(([label, value]) => `<div class="kpi"><div class="label">${label}</div><div class="value">${value === null ? `<span class="unknown-value">${UNKNOWN}</span>` : escapeXml(value)}</div></div>`).join('')}</div>`;
}

function factsTable(record: RunRecord): string {
  const rows = runFacts(record).map(([label, value]) => `<tr><th>${escapeXml(label)}</th><td>${escapeXml(value)}</td></tr>`);
  return `<table class="facts">${rows.join('')}</table>`;
}

function percentilesTable(record: RunRecord): string {
  const table = percentileTable(record);
  const head = `<tr><th>percentile</th>${table.columns.map((column) => `<th class="num">${escapeXml(column.label)}${column.detail === null ? '' : `<span class="detail">${escapeXml(column.detail)}</span>`}</th>`).join('')}</tr>`;
  const rows = table.rows.map(([label, ...cells]) => `<tr><td class="num">${escapeXml(label ?? '')}</td>${cells.map((cell) => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`);
  return `<table>${head}${rows.join('')}</table>`;
}

function comparisonSection(records: readonly RunRecord[], specs: readonly GroupSpec[]): string {
  const grouping = groupRuns(records, specs);
  const { groups, headings, chartRuns } = grouping;
  const parts = ['<section class="compare" id="comparison">', '<h2>Comparison</h2>'];
  if (groups.length >= 2) {
    const comparison = compareGroups(groups);
    parts.push(
      `<p class="subtitle">Baseline: ${escapeXml(headings[0] ?? comparison.baselineLabel)}. ${escapeXml(groupingText(grouping))}</p>`,
      compareTable(comparison, headings),
      '<p class="footnote">“Outside the run-to-run spread”: the range (min to max) of the group’s runs does not overlap the baseline’s. With 2 runs on each side that also happens by chance 1 time in 3 when nothing changed (1 in 10 with 3 each, 1 in 35 with 4 each). Where a side has a single run its spread is unknown and no verdict is given. Changes within 1% count as the same.</p>',
    );
  } else {
    parts.push(`<p class="subtitle">All runs are one group (${escapeXml(headings[0] ?? '')}), so no baseline to compare against. The curves are overlaid below.</p>`);
  }
  parts.push(
    `<div class="charts wide">${figure(compareSpectrumChart(chartRuns), WIDE)}</div>`,
    `<div class="charts">${figure(compareThroughputChart(chartRuns), HALF)}${figure(compareP99Chart(chartRuns), HALF)}</div>`,
    '</section>',
  );
  return parts.join('\n');
}

function compareTable(comparison: Comparison, headings: readonly string[]): string {
  const head = `<tr><th>metric</th>${headings.map((heading, index) => `<th class="num">${escapeXml(heading)}${index === 0 ? '<span class="detail">baseline</span>' : ''}</th>`).join('')}</tr>`;
  const rows = comparison.metrics.map((entry) => {
    const cells = [
      valueCell(entry.metric, entry.baseline, ''),
      ...entry.others.map(({ value, change }) => {
        const tone = change.direction ?? 'unknown';
        // A single run on a side has no spread to judge by: the footnote says so once.
        const verdict = change.verdict === null || change.verdict === 'spread-unknown' ? '' : `<span class="detail">${escapeXml(change.verdictText)}</span>`;
        return valueCell(entry.metric, value, ` <span class="change ${tone}">${escapeXml(change.changeText)}</span>${verdict}`, change.sentence);
      }),
    ];
    return `<tr><th>${escapeXml(entry.metric.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="compare">${head}${rows.join('')}</table>`;
}

function valueCell(metric: Metric, value: GroupValue, extra: string, sentence = ''): string {
  const main = value.median === null ? `<span class="unknown-value">${UNKNOWN}</span>` : escapeXml(formatGroupValue(metric, value));
  const range = value.knownRuns >= 2 && value.min !== null && value.max !== null ? `<span class="detail">${escapeXml(`${value.knownRuns} runs: ${formatValue(metric, value.min)} – ${formatValue(metric, value.max)}`)}</span>` : '';
  const title = sentence === '' ? '' : ` title="${escapeXml(sentence)}"`;
  return `<td class="num"${title}>${main}${extra}${range}</td>`;
}
