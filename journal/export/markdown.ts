// Markdown export in the seed journal's style: per run "## <date> <title>", the notes, the report
// in a fenced block, then a percentile table and charts as SVG files beside the .md.
import { maxOf } from '../../common/extent.ts';
import { seriesPoints } from '../../common/chart/series.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { compareGroups, formatGroupValue, type Comparison } from '../../common/compare.ts';
import { compareP99Chart, compareSpectrumChart, compareThroughputChart, correctedSpectrum, runLatencyChart, runSpectrumChart, runThroughputChart } from './charts.ts';
import { uniqueStems, type ExportFile } from './fileNames.ts';
import { reportText } from '../../common/report/reportText.ts';
import { groupingText, groupRuns, runName, type GroupSpec } from './runGroups.ts';
import { percentileTable, runDate, runFacts } from './runFacts.ts';
import { renderLineChart, type LineChart } from './svg/lineChart.ts';

export interface MarkdownExport {
  markdown: string;
  /** SVG charts the markdown links to by name; write them beside the .md. */
  files: ExportFile[];
}

/** Wide enough to read on a rendered Markdown page, narrow enough not to be scaled down. */
const MD_CHART_SIZE = { width: 720, height: 380 };
const FACTS_SHOWN = new Set(['Started', 'Tool', 'Load', 'Server', 'Environment']);

/** `groups`: the person's grouping for the comparison; by default each run is alone. */
export function exportMarkdown(records: readonly RunRecord[], groups: readonly GroupSpec[] = []): MarkdownExport {
  // "compare" is taken by the comparison charts.
  const stems = uniqueStems(['compare', ...records.map((record) => record.id)]).slice(1);
  const files: ExportFile[] = [];
  const chart = (name: string, alt: string, spec: LineChart): string => {
    files.push({ name, content: renderLineChart({ ...spec, ...MD_CHART_SIZE }) });
    return `![${inline(alt)}](${name})`;
  };
  const sections = records.map((record, index) => runSection(record, index, stems[index] ?? `run-${index + 1}`, chart));
  if (records.length >= 2) sections.push(comparisonSection(records, groups, chart));
  return { markdown: `${sections.join('\n')}`, files };
}

type ChartLink = (name: string, alt: string, spec: LineChart) => string;

function runSection(record: RunRecord, index: number, stem: string, chart: ChartLink): string {
  const heading = [runDate(record) ?? 'date unknown', record.title.trim()].filter((part) => part !== '').join(' ');
  const blocks = [`## ${inline(heading)}`];
  if (record.notes.trim() !== '') blocks.push(record.notes.trim());
  blocks.push(
    runFacts(record)
      .filter(([label]) => FACTS_SHOWN.has(label) && !(label === 'Tool' && record.source === undefined))
      .map(([label, value]) => `- ${label}: ${inline(value)}`)
      .join('\n'),
  );
  blocks.push(fenced(reportText(record), 'txt'));
  const table = percentileTable(record);
  const columns = table.columns.map((column) => (column.detail === null ? column.label : `${column.label} (${column.detail})`));
  blocks.push(markdownTable(['Percentile', ...columns], table.rows));
  const name = runName(record, index);
  const links: string[] = [];
  if (correctedSpectrum(record).length > 0) links.push(chart(`${stem}-spectrum.svg`, `Latency by percentile, ${name}`, runSpectrumChart(record)));
  if (seriesPoints(record).length > 0) {
    links.push(chart(`${stem}-throughput.svg`, `Requests per second, ${name}`, runThroughputChart(record)));
    links.push(chart(`${stem}-latency.svg`, `Latency over time, ${name}`, runLatencyChart(record)));
  }
  if (links.length > 0) blocks.push(links.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function comparisonSection(records: readonly RunRecord[], specs: readonly GroupSpec[], chart: ChartLink): string {
  const grouping = groupRuns(records, specs);
  const { groups, headings, chartRuns } = grouping;
  const blocks = ['## Comparison'];
  if (groups.length >= 2) {
    const comparison = compareGroups(groups);
    blocks.push(
      `Baseline ${inline(headings[0] ?? comparison.baselineLabel)}. ${inline(groupingText(grouping))} A change is claimed only when the runs show it beyond their noise (an exact permutation test at 5 % and a bootstrap 95 % interval of the change that excludes none).`,
      compareTable(comparison, headings),
    );
  } else {
    blocks.push(`All runs are one group (${inline(headings[0] ?? '')}): nothing to compare against.`);
  }
  blocks.push(
    [
      chart('compare-spectrum.svg', 'Latency by percentile, all runs', compareSpectrumChart(chartRuns)),
      chart('compare-throughput.svg', 'Requests per second, all runs', compareThroughputChart(chartRuns)),
      chart('compare-p99.svg', 'p99 latency over time, all runs', compareP99Chart(chartRuns)),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

function compareTable(comparison: Comparison, headings: readonly string[]): string {
  const rows = comparison.metrics.map((entry) => {
    const base = formatGroupValue(entry.metric, entry.baseline);
    const others = entry.others.map(({ value, change }) => {
      if (value.median === null || change.verdict === null) return `${formatGroupValue(entry.metric, value)} (${change.changeText})`;
      return `${formatGroupValue(entry.metric, value)} (${change.changeText}, ${change.verdictText})`;
    });
    return [entry.metric.label, base, ...others];
  });
  return markdownTable(['Metric', ...headings.map((heading, index) => (index === 0 ? `${heading} (baseline)` : heading))], rows);
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(inline).join(' | ')} |`;
  return [line(header), `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * Text from a record as inline Markdown: on one line, Markdown punctuation backslash-escaped and
 * "<" and "&" as entities, so a title never becomes markup, a link or HTML.
 */
export function inline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A fenced code block whose fence is longer than any run of backticks in the text. */
export function fenced(text: string, info: string): string {
  const longest = maxOf(Array.from(text.matchAll(/`+/g), (match) => match[0].length), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\n+$/, '')}\n${fence}`;
}
