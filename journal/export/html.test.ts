import { describe, expect, it } from 'vitest';
import { exportHtml } from './html.ts';
import { importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';

const a = simulatedRecord({ id: 'a', title: 'pool-shared', seed: 1 });
const b = simulatedRecord({ id: 'b', title: 'event-loop', seed: 2, medianUs: 1200 });

function svgCount(html: string): number {
  return html.match(/<svg /g)?.length ?? 0;
}

describe('exportHtml', () => {
  it('escapes a hostile title and notes everywhere they appear', () => {
    const hostile = simulatedRecord({
      title: '<script>alert(1)</script>',
      notes: '<img src=x onerror=alert(1)>\n\n**<b>bold</b>**\n\n```\n</pre><script>alert(2)</script>\n```',
      tags: ['"><script>alert(3)</script>'],
    });
    const html = exportHtml([hostile, a]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<pre><code>&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>');
  });

  it('is self-contained: no script, nothing fetched, a CSP that forbids both', () => {
    const html = exportHtml([a, b]);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/\ssrc=/i);
    for (const match of html.matchAll(/href="([^"]*)"/g)) expect(match[1]?.startsWith('#')).toBe(true);
  });

  it('one run: summary, report, percentiles and three charts; no comparison', () => {
    const html = exportHtml([a]);
    expect(html).toContain('<title>Loadlab: pool-shared</title>');
    expect(html).toContain('<h2>#1 pool-shared</h2>');
    expect(html).toContain('<h3>Report</h3><pre>loadlab bench -t2 -c10 -d5s -R200 --latency http://127.0.0.1:7878/\nRunning 5s test');
    expect(html).toContain('<h3>Latency percentiles</h3>');
    expect(html).not.toContain('id="comparison"');
    expect(svgCount(html)).toBe(3);
  });

  it('several runs: a comparison first, with overlaid charts and the compare table', () => {
    const html = exportHtml([a, b]);
    expect(html.indexOf('id="comparison"')).toBeLessThan(html.indexOf('class="run"'));
    expect(html).toContain('<table class="compare">');
    expect(html).toMatch(/<th>p50<\/th><td class="num">[\d.]+ µs<\/td><td class="num" title="p50 [\d.]+% worse, spread unknown with a single run">[\d.]+ ms <span class="change worse">/);
    expect(svgCount(html)).toBe(3 + 2 * 3);
  });

  it('groups as given: its median, its range, a spread verdict, and which runs each holds', () => {
    const tagged = (seed: number, tag: string, medianUs: number) => simulatedRecord({ id: `r${seed}`, seed, tags: [tag], medianUs });
    const html = exportHtml([tagged(1, 'pool', 800), tagged(3, 'event-loop', 2000), tagged(2, 'pool', 820), tagged(4, 'event-loop', 2100)], [
      { label: 'pool', ids: ['r1', 'r2'] },
      { label: 'event-loop', ids: ['r3', 'r4'] },
    ]);
    expect(html).toContain('<th class="num">pool<span class="detail">baseline</span></th><th class="num">event-loop</th>');
    expect(html).toContain('Groups, each the median of its runs, the first the baseline: pool: #1, #3; event-loop: #2, #4.');
    expect(html).toMatch(/<th>p50<\/th><td class="num">[\d.]+ µs<span class="detail">2 runs: [\d.]+ µs – [\d.]+ µs<\/span><\/td>/);
    expect(html).toContain('<span class="detail">too few runs for a verdict (2 and 2; 4 on each side can show a difference)</span>');
  });

  it('by default each run is alone, even when runs share tags (issue 11: pool-shared and event-loop merged)', () => {
    const tagged = (seed: number, medianUs: number) => simulatedRecord({ id: `r${seed}`, seed, tags: ['R1000'], medianUs });
    const html = exportHtml([tagged(1, 800), tagged(2, 2000)]);
    expect(html).toContain('Each run is a group of its own');
    expect(html).toMatch(/<th class="num">#1 [^<]*<span class="detail">baseline<\/span><\/th><th class="num">#2 /);
  });

  it('unknown figures read "unknown", never 0, NaN or Infinity', () => {
    const html = exportHtml([a, importedRecord()]);
    expect(html).toContain('<div class="label">p99</div><div class="value"><span class="unknown-value">unknown</span></div>');
    expect(html).toContain('<tr><th>Environment</th><td>unknown</td></tr>');
    expect(html).toContain('<td class="num">unknown</td>');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('refuses an empty export', () => {
    expect(() => exportHtml([])).toThrow(/no runs/);
  });
});
