import { describe, expect, it } from 'vitest';
import { allElements, parseXml, textOf, type XmlElement } from '../testing/xml.ts';
import { renderLineChart, type LineChart } from './lineChart.ts';

const chart: LineChart = {
  title: 'Latency by percentile',
  x: { title: 'percentile (log scale of 1/(1−p))', scale: 'log', ticks: [{ value: 1, label: '0%' }, { value: 10, label: '90%' }, { value: 100, label: '99%' }, { value: 1000, label: '99.9%' }] },
  y: { title: 'latency (ms)', scale: 'linear', ticks: [0, 5, 10].map((value) => ({ value, label: String(value) })) },
  series: [
    { name: 'run A', colour: '#0072B2', points: [{ x: 1, y: 1 }, { x: 10, y: 2 }, { x: 100, y: 4 }, { x: 1000, y: 9 }] },
    { name: 'run B', colour: '#D55E00', dashed: true, points: [{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 5, y: null }, { x: 10, y: 5 }, { x: 100, y: 6 }, { x: 500, y: null }, { x: 800, y: 7 }] },
  ],
};

function render(spec: LineChart = chart): XmlElement {
  return parseXml(renderLineChart(spec));
}

function byClass(root: XmlElement, name: string): XmlElement[] {
  return allElements(root).filter((element) => element.attributes.class === name);
}

function texts(group: XmlElement | undefined): string[] {
  return (group?.children ?? []).filter((child): child is XmlElement => typeof child !== 'string').map(textOf);
}

describe('renderLineChart', () => {
  it('is a well-formed standalone SVG with a title', () => {
    const svg = render();
    expect(svg.name).toBe('svg');
    expect(svg.attributes.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg.attributes.viewBox).toBe('0 0 560 320');
    expect(textOf(allElements(svg).find((element) => element.name === 'title') ?? '')).toBe('Latency by percentile');
  });

  it('has both axes, their titles with units, and a label per tick', () => {
    const svg = render();
    expect(byClass(svg, 'axes')[0]?.children.filter((child) => typeof child !== 'string')).toHaveLength(2);
    expect(byClass(svg, 'axis-title').map(textOf)).toEqual(['percentile (log scale of 1/(1−p))', 'latency (ms)']);
    expect(texts(byClass(svg, 'x-ticks')[0])).toEqual(['0%', '90%', '99%', '99.9%']);
    expect(texts(byClass(svg, 'y-ticks')[0])).toEqual(['0', '5', '10']);
  });

  it('spaces log ticks evenly per decade, and linear ticks evenly per step', () => {
    const svg = render();
    const xs = (byClass(svg, 'x-ticks')[0]?.children ?? []).flatMap((child) => (typeof child === 'string' ? [] : [Number(child.attributes.x)]));
    const gaps = xs.slice(1).map((x, index) => x - (xs[index] ?? 0));
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0] ?? 0, 0);
    const ys = (byClass(svg, 'y-ticks')[0]?.children ?? []).flatMap((child) => (typeof child === 'string' ? [] : [Number(child.attributes.y)]));
    expect((ys[0] ?? 0) - (ys[1] ?? 0)).toBeCloseTo((ys[1] ?? 0) - (ys[2] ?? 0), 0);
    expect(ys[0]).toBeGreaterThan(ys[2] ?? Infinity);
  });

  it('draws a path per series, broken at unknown (null) points, and a dot for a lone point', () => {
    const svg = render();
    const paths = byClass(svg, 'series');
    expect(paths.map((path) => path.attributes['data-series'])).toEqual(['run A', 'run B']);
    expect(paths[0]?.attributes.d?.match(/[ML]/g)).toEqual(['M', 'L', 'L', 'L']);
    // run B: [2 points] gap [2 points] gap [1 point]: two sub-paths and one dot.
    expect(paths[1]?.attributes.d?.match(/[ML]/g)).toEqual(['M', 'L', 'M', 'L']);
    expect(paths[1]?.attributes['stroke-dasharray']).toBeDefined();
    expect(allElements(svg).filter((element) => element.name === 'circle')).toHaveLength(1);
  });

  it('puts every point inside the plot area', () => {
    const svg = render();
    for (const path of byClass(svg, 'series')) {
      const numbers = (path.attributes.d ?? '').split(/[ML,]/).filter((part) => part !== '').map(Number);
      for (const value of numbers) expect(value).toBeGreaterThanOrEqual(0);
      const xs = numbers.filter((_, index) => index % 2 === 0);
      const ys = numbers.filter((_, index) => index % 2 === 1);
      expect(Math.max(...xs)).toBeLessThanOrEqual(560);
      expect(Math.max(...ys)).toBeLessThanOrEqual(320);
    }
  });

  it('shows one legend entry per series name, none for an unnamed series', () => {
    const legend = (spec: LineChart) => byClass(render(spec), 'legend').map(textOf);
    expect(legend(chart)).toEqual(['run A', 'run B']);
    const twice = { ...chart, series: [...chart.series, { ...chart.series[0], name: 'run A', colour: '#0072B2', points: [] }] };
    expect(legend(twice)).toEqual(['run A', 'run B']);
    expect(legend({ ...chart, series: [{ name: '', colour: '#000', points: [{ x: 1, y: 1 }, { x: 2, y: 2 }] }] })).toEqual([]);
  });

  it('marks every point when asked (sparse summary percentiles)', () => {
    const svg = render({ ...chart, series: [{ ...chart.series[0], name: 'A', colour: '#000', markers: true, points: [{ x: 2, y: 1 }, { x: 10, y: 2 }, { x: 100, y: 3 }] }] });
    expect(allElements(svg).filter((element) => element.name === 'circle')).toHaveLength(3);
  });

  it('says so when there is nothing to draw', () => {
    const svg = render({ ...chart, series: [{ name: 'A', colour: '#000', points: [{ x: 1, y: null }] }], emptyText: 'latency percentiles unknown' });
    expect(byClass(svg, 'series')).toEqual([]);
    expect(allElements(svg).map(textOf)).toContain('latency percentiles unknown');
  });

  it('escapes text: a title or series name cannot inject markup', () => {
    const hostile = '<script>alert(1)</script> & "quotes"';
    const text = renderLineChart({ ...chart, title: hostile, series: [{ ...chart.series[0], name: hostile, colour: '#000" onload="x', points: chart.series[0]?.points ?? [] }] });
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('" onload="');
    const svg = parseXml(text);
    expect(allElements(svg).some((element) => element.name === 'script')).toBe(false);
    expect(byClass(svg, 'legend').map(textOf)).toEqual([hostile]);
  });

  it('an axis domain can end between ticks; ticks outside it are left out', () => {
    const svg = render({ ...chart, x: { ...chart.x, domain: [1, 300] } });
    expect(texts(byClass(svg, 'x-ticks')[0])).toEqual(['0%', '90%', '99%']);
    const xs = (byClass(svg, 'x-ticks')[0]?.children ?? []).flatMap((child) => (typeof child === 'string' ? [] : [Number(child.attributes.x)]));
    // 100 on a log axis from 1 to 300 sits at log(100)/log(300) of the width.
    const plotLeft = xs[0] ?? 0;
    const share = ((xs[2] ?? 0) - plotLeft) / ((xs[1] ?? 0) - plotLeft);
    expect(share).toBeCloseTo(2, 1);
  });
});
