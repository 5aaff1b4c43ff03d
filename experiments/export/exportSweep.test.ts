// The sweep exports on a synthetic sweep whose knee is known: structure, the knee marked in each
// format, incomplete steps told apart, and hostile text escaped. No timings: the records are fixed.
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../../journal/export/testing/xml.ts';
import { syntheticSweep } from '../testing/syntheticSweep.ts';
import { exportSweep } from './exportSweep.ts';
import { SWEEP_EXPORT_SCHEMA } from './sweepData.ts';

// Capacity 1000 req/s: 800 has p99 5× the lowest step's (bad), so the knee is 400; 1600 answers
// only 1000 a second (completion 62.5 %, its figures lower bounds).
const sweep = syntheticSweep({ capacityPerSec: 1000, ratesPerSec: [100, 200, 400, 800, 1600], idPrefix: 'pool' });
const id = sweep.experiment.id;

function elements(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlElement): void => {
    if (node.name === name) found.push(node);
    for (const child of node.children) if (typeof child !== 'string') walk(child);
  };
  walk(root);
  return found;
}

function only(files: { name: string; content: string }[]): string {
  expect(files).toHaveLength(1);
  return files[0]?.content ?? '';
}

describe('exportSweep', () => {
  it('html: self-contained, the curve inline as SVG with rings for the incomplete step and the knee, the table with the knee row', () => {
    const files = exportSweep(sweep.experiment, sweep.runs, 'html');
    expect(files[0]?.name).toBe(`${id}.html`);
    const html = only(files);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/<script|<link|<img|url\(/i);
    expect(html).toContain('Knee at 400 req/s');
    expect(html).toContain('highest throughput reached 1,000 req/s');
    const svg = parseXml(/<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '');
    // p50, p90 and p99 measured, each with a dashed part for the 1,600 req/s step.
    const series = elements(svg, 'path').map((path) => path.attributes['data-series']);
    expect(series).toEqual(expect.arrayContaining(['p50', 'p90', 'p99', 'p99 ≥ (incomplete)']));
    // One ring per figure at the incomplete step (not on the measured neighbour its dashed part joins).
    const rings = elements(svg, 'circle').filter((circle) => circle.attributes['fill'] === '#ffffff');
    expect(rings).toHaveLength(3);
    // The knee: an empty ring around its p99, so the point shows through.
    expect(elements(svg, 'circle').filter((circle) => circle.attributes['r'] === '8' && circle.attributes['fill'] === 'none')).toHaveLength(1);
    // The legend names each figure once, measured lines first.
    const legend = elements(svg, 'g').filter((g) => g.attributes['class'] === 'legend').map((g) => elements(g, 'text')[0]?.children.join(''));
    expect(legend).toEqual(['p50', 'p90', 'p99', 'p50 ≥ (incomplete)', 'p90 ≥ (incomplete)', 'p99 ≥ (incomplete)', 'knee 400 req/s']);
    const rows = [...html.matchAll(/<tr data-run="([^"]+)"( class="knee-row")?>/g)];
    expect(rows.map((row) => row[1])).toEqual(['pool-1', 'pool-2', 'pool-3', 'pool-4', 'pool-5']);
    expect(rows.map((row) => row[2] !== undefined)).toEqual([false, false, true, false, false]);
    expect(html).toMatch(/<td class="num">≥ [\d.]+ m?s<\/td>/);
  });

  it('markdown: seed-style heading, the table in a fenced block with the knee marked, the curve as an SVG beside it', () => {
    const files = exportSweep(sweep.experiment, sweep.runs, 'md');
    expect(files.map((file) => file.name)).toEqual([`${id}.md`, `${id}-curve.svg`]);
    const markdown = files[0]?.content ?? '';
    expect(markdown).toMatch(/^## 2026-12-07 sweep pool\n/);
    const block = /```txt\n([\s\S]*?)\n```/.exec(markdown)?.[1] ?? '';
    const lines = block.split('\n');
    expect(lines[1]).toMatch(/^target +achieved +completion +p50 +p90 +p99 +p99\.9 +errors$/);
    expect(lines.find((line) => line.endsWith('← knee'))).toMatch(/^ *400 +400 /);
    expect(markdown).toContain(`![Latency against throughput, sweep pool](${id}-curve.svg)`);
    expect(markdown).toContain('**Knee at 400 req/s');
    expect(() => parseXml(files[1]?.content ?? '')).not.toThrow();
  });

  it('json: the experiment record, the knee, and every step with its run summary', () => {
    const document = JSON.parse(only(exportSweep(sweep.experiment, sweep.runs, 'json'))) as {
      schema: string;
      experiment: { id: string };
      kneePerSec: number;
      steps: { runId: string; knee: boolean; completion: number; summary: { requests: number } | null }[];
    };
    expect(document.schema).toBe(SWEEP_EXPORT_SCHEMA);
    expect(document.experiment).toEqual(JSON.parse(JSON.stringify(sweep.experiment)));
    expect(document.kneePerSec).toBe(400);
    expect(document.steps.map((step) => step.knee)).toEqual([false, false, true, false, false]);
    expect(document.steps.map((step) => step.summary?.requests)).toEqual([1000, 2000, 4000, 8000, 10000]);
    expect(document.steps[4]?.completion).toBeCloseTo(0.625, 6);
  });

  it('csv: a header and one row per step; unknown cells empty, the knee flagged', () => {
    const text = only(exportSweep(sweep.experiment, sweep.runs, 'csv'));
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('runId,order,kind,targetPerSec,achievedPerSec,completion,p50Us,p90Us,p99Us,p999Us,lowerBounds,errorsPct,good,gaveOut,knee,reasons');
    expect(lines).toHaveLength(6);
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells.map((row) => row[3])).toEqual(['100', '200', '400', '800', '1600']);
    expect(cells.map((row) => row[14])).toEqual(['false', 'false', 'true', 'false', 'false']);
    expect(cells[4]?.[10]).toBe('p99 p999');
  });

  it('escapes a hostile title and names the runs no longer in the journal', () => {
    const runs = new Map(sweep.runs);
    runs.delete('pool-2');
    const experiment = { ...sweep.experiment, title: '<script>alert(1)</script>', notes: '<img src=x onerror=alert(2)>' };
    const html = only(exportSweep(experiment, runs, 'html'));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('pool-2 (no longer in the journal; left out)');
    expect(html.match(/<tr data-run=/g)).toHaveLength(4);
    const markdown = exportSweep(experiment, runs, 'md')[0]?.content ?? '';
    expect(markdown).not.toContain('<script>');
  });
});
