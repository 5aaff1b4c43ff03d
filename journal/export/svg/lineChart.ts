// A small static SVG line-chart generator: axes with titles and units, tick labels, grid, a
// legend, linear or log scales. No library, no script, no external fonts: the same string works
// as a standalone .svg file and inline in HTML (it uses no ids, so several can share a page).
import type { Tick } from '../../../common/chart/axis.ts';
import type { ChartPoint } from '../../../common/chart/downsample.ts';
import { maxOf } from '../../../common/extent.ts';
import { escapeXml } from '../escape.ts';

export interface ChartAxis {
  title: string;
  scale: 'linear' | 'log';
  /** Ascending. Log ticks must be > 0. */
  ticks: Tick[];
  /** The axis' range; by default from the first tick to the last. */
  domain?: [min: number, max: number];
}

export interface LineSeries {
  name: string;
  colour: string;
  dashed?: boolean;
  /** Drawn dotted (over `dashed`): a line of lower bounds ("≥"). */
  dotted?: boolean;
  /** A dot on every point (for sparse data such as a few summary percentiles). */
  markers?: boolean;
  /** Dots drawn as rings (white inside, or `none` with ringOnly): points that are only lower bounds, or incomplete. */
  hollow?: boolean;
  /** Hollow dots with nothing inside, so what they circle shows through (a marked point). */
  ringOnly?: boolean;
  /** The dots' radius; 2.8 px by default. */
  markerRadiusPx?: number;
  points: ChartPoint[];
}

export interface LineChart {
  title: string;
  x: ChartAxis;
  y: ChartAxis;
  series: LineSeries[];
  /** Size in px (also the viewBox). */
  width?: number;
  height?: number;
  /** Shown in the plot when no series has a point. */
  emptyText?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
const CHAR_WIDTH_PX = 6.6;
const TICK_FONT_PX = 11;
const LEGEND_ROW_PX = 18;
const COLOURS = { text: '#1f2937', muted: '#4b5563', axis: '#374151', grid: '#e5e7eb' };

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface LegendItem {
  name: string;
  colour: string;
  dash: string;
  x: number;
  y: number;
}

export function renderLineChart(spec: LineChart): string {
  const chart = { ...spec, x: withinDomain(spec.x), y: withinDomain(spec.y) };
  const width = chart.width ?? 560;
  const height = chart.height ?? 320;
  const yLabelChars = maxOf(chart.y.ticks.map((tick) => tick.label.length), 1);
  const left = Math.round(34 + yLabelChars * CHAR_WIDTH_PX);
  const legend = layoutLegend(chart.series, left, width - 16);
  const top = 34 + legend.rows * LEGEND_ROW_PX + 6;
  const box: Box = { left, top, right: width - 18, bottom: height - 46 };
  const x = scaleOf(chart.x, box.left, box.right);
  const y = scaleOf(chart.y, box.bottom, box.top);
  const hasData = chart.series.some((series) => series.points.some((point) => point.y !== null));

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" font-family="${escapeXml(FONT)}" font-size="${TICK_FONT_PX}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="20" font-size="14" font-weight="600" fill="${COLOURS.text}">${escapeXml(chart.title)}</text>`,
    ...legend.items.map(legendItem),
    ...grid(chart, box, x, y),
    `<g class="axes" stroke="${COLOURS.axis}" stroke-width="1"><line x1="${box.left}" y1="${box.bottom}" x2="${box.right}" y2="${box.bottom}"/><line x1="${box.left}" y1="${box.top}" x2="${box.left}" y2="${box.bottom}"/></g>`,
    ...tickLabels(chart, box, x, y),
    `<text class="axis-title" x="${fmt((box.left + box.right) / 2)}" y="${height - 10}" text-anchor="middle" font-size="12" fill="${COLOURS.muted}">${escapeXml(chart.x.title)}</text>`,
    `<text class="axis-title" transform="translate(14 ${fmt((box.top + box.bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="12" fill="${COLOURS.muted}">${escapeXml(chart.y.title)}</text>`,
    ...(hasData ? chart.series.flatMap((series) => seriesShapes(series, x, y)) : [emptyNote(chart.emptyText ?? 'no data', box)]),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

type Scale = (value: number) => number;

/** Ticks outside an explicit domain are dropped (they would pile up at its edge). */
function withinDomain(axis: ChartAxis): ChartAxis {
  if (axis.domain === undefined) return axis;
  const [low, high] = axis.domain;
  const slack = (high - low) * 1e-9;
  return { ...axis, ticks: axis.ticks.filter((tick) => tick.value >= low - slack && tick.value <= high + slack) };
}

/** Maps the axis domain (first tick … last tick) onto [from, to] px, clamping outside values. */
function scaleOf(axis: ChartAxis, from: number, to: number): Scale {
  const transform = axis.scale === 'log' ? (value: number) => Math.log10(Math.max(value, Number.MIN_VALUE)) : (value: number) => value;
  const low = transform(axis.domain?.[0] ?? axis.ticks[0]?.value ?? 0);
  const high = transform(axis.domain?.[1] ?? axis.ticks.at(-1)?.value ?? 1);
  const span = high - low || 1;
  return (value) => {
    const share = Math.min(1, Math.max(0, (transform(value) - low) / span));
    return from + share * (to - from);
  };
}

function grid(chart: LineChart, box: Box, x: Scale, y: Scale): string[] {
  const lines = [
    ...chart.x.ticks.map((tick) => `<line x1="${fmt(x(tick.value))}" y1="${box.top}" x2="${fmt(x(tick.value))}" y2="${box.bottom}"/>`),
    ...chart.y.ticks.map((tick) => `<line x1="${box.left}" y1="${fmt(y(tick.value))}" x2="${box.right}" y2="${fmt(y(tick.value))}"/>`),
  ];
  return [`<g class="grid" stroke="${COLOURS.grid}" stroke-width="1">`, ...lines, '</g>'];
}

function tickLabels(chart: LineChart, box: Box, x: Scale, y: Scale): string[] {
  const xLabels = chart.x.ticks.map(
    (tick) => `<text x="${fmt(x(tick.value))}" y="${box.bottom + 17}" text-anchor="middle">${escapeXml(tick.label)}</text>`,
  );
  const yLabels = chart.y.ticks.map(
    (tick) => `<text x="${box.left - 7}" y="${fmt(y(tick.value) + 4)}" text-anchor="end">${escapeXml(tick.label)}</text>`,
  );
  return [
    `<g class="x-ticks" fill="${COLOURS.text}">`,
    ...xLabels,
    '</g>',
    `<g class="y-ticks" fill="${COLOURS.text}">`,
    ...yLabels,
    '</g>',
  ];
}

/** Legend entries in rows under the title; one entry per distinct name and colour. */
function layoutLegend(series: readonly LineSeries[], left: number, right: number): { items: LegendItem[]; rows: number } {
  const seen = new Set<string>();
  const items: LegendItem[] = [];
  let row = 0;
  let cursor = left;
  for (const entry of series) {
    const key = `${entry.name}\u0000${entry.colour}`;
    if (seen.has(key) || entry.name === '') continue;
    seen.add(key);
    const itemWidth = 30 + entry.name.length * CHAR_WIDTH_PX + 18;
    if (cursor + itemWidth > right && cursor > left) {
      row += 1;
      cursor = left;
    }
    items.push({ name: entry.name, colour: entry.colour, dash: dashAttribute(entry), x: cursor, y: 36 + row * LEGEND_ROW_PX });
    cursor += itemWidth;
  }
  return { items, rows: items.length === 0 ? 0 : row + 1 };
}

/** The stroke-dasharray attribute of a series' line, or nothing for a solid one. */
function dashAttribute(series: Pick<LineSeries, 'dashed' | 'dotted'>): string {
  if (series.dotted === true) return ' stroke-dasharray="2 3"';
  return series.dashed === true ? ' stroke-dasharray="6 3"' : '';
}

function legendItem(item: LegendItem): string {
  const dash = item.dash;
  return (
    `<g class="legend"><line x1="${fmt(item.x)}" y1="${item.y - 4}" x2="${fmt(item.x + 24)}" y2="${item.y - 4}" stroke="${escapeXml(item.colour)}" stroke-width="2.5"${dash}/>` +
    `<text x="${fmt(item.x + 30)}" y="${item.y}" fill="${COLOURS.text}">${escapeXml(item.name)}</text></g>`
  );
}

/** The line (broken at null points), dots for points with no neighbour, and markers if asked. */
function seriesShapes(series: LineSeries, x: Scale, y: Scale): string[] {
  const colour = escapeXml(series.colour);
  const runs: ChartPoint[][] = [[]];
  for (const point of series.points) {
    if (point.y === null) runs.push([]);
    else runs.at(-1)?.push(point);
  }
  const d = runs
    .filter((run) => run.length > 1)
    .map((run) => run.map((point, index) => `${index === 0 ? 'M' : 'L'}${fmt(x(point.x))},${fmt(y(point.y ?? 0))}`).join(''))
    .join('');
  const dash = dashAttribute(series);
  const shapes: string[] = [];
  if (d !== '') {
    shapes.push(`<path class="series" data-series="${escapeXml(series.name)}" d="${d}" fill="none" stroke="${colour}" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"${dash}/>`);
  }
  const dotted = series.markers ? runs.flat() : runs.filter((run) => run.length === 1).flat();
  const radius = fmt(series.markerRadiusPx ?? 2.8);
  const paint = series.hollow ? `fill="${series.ringOnly ? 'none' : '#ffffff'}" stroke="${colour}" stroke-width="1.6"` : `fill="${colour}"`;
  for (const point of dotted) {
    shapes.push(`<circle cx="${fmt(x(point.x))}" cy="${fmt(y(point.y ?? 0))}" r="${radius}" ${paint}/>`);
  }
  return shapes;
}

function emptyNote(text: string, box: Box): string {
  return `<text x="${fmt((box.left + box.right) / 2)}" y="${fmt((box.top + box.bottom) / 2)}" text-anchor="middle" font-size="13" fill="${COLOURS.muted}">${escapeXml(text)}</text>`;
}

/** Pixel coordinates with one decimal: small files, no visible loss. */
function fmt(px: number): string {
  return String(Math.round(px * 10) / 10);
}
