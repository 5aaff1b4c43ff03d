import { describe, expect, it } from 'vitest';
import { exportMarkdown, fenced, inline } from './markdown.ts';
import { connRateRecord, importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';
import { parseXml } from './testing/xml.ts';

const measured = simulatedRecord({ id: 'run-a', title: 'pool-shared, 4 threads', notes: 'Keep-alive on.\n\n- first\n- second' });

describe('exportMarkdown', () => {
  it('one run in the seed journal style: heading, notes, facts, fenced report, percentiles, charts', () => {
    const { markdown } = exportMarkdown([measured]);
    const blocks = markdown.split('\n\n');
    expect(blocks[0]).toBe('## 2026-11-27 pool-shared, 4 threads');
    expect(blocks[1]).toBe('Keep-alive on.');
    expect(blocks[2]).toBe('- first\n- second');
    expect(blocks[3]).toContain('- Load: rate 200 req/s (-R), 2 threads, 10 connections');
    expect(markdown).toContain('```txt\nloadlab bench -t2 -c10 -d5s -R200 --latency http://127.0.0.1:7878/\nRunning 5s test @ http://127.0.0.1:7878/\n');
    expect(markdown).toContain('| Percentile | corrected (from intended start) | uncorrected (from actual send) |');
    expect(markdown).toMatch(/\| 99\.999% \| \d[\d.]* (µs|ms) \| \d[\d.]* (µs|ms) \|/);
    expect(markdown).toContain('![Latency by percentile, #1 pool-shared, 4 threads](run-a-spectrum.svg)');
    expect(markdown).not.toContain('## Comparison');
  });

  it('every linked chart is among the files, every file is linked, and each is well-formed SVG', () => {
    const { markdown, files } = exportMarkdown([measured, importedRecord()]);
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    expect(links.sort()).toEqual(files.map((file) => file.name).sort());
    expect(files.map((file) => file.name)).toEqual([
      'run-a-spectrum.svg', 'run-a-throughput.svg', 'run-a-latency.svg',
      'compare-spectrum.svg', 'compare-throughput.svg', 'compare-p99.svg',
    ]);
    for (const file of files) expect(parseXml(file.content).name).toBe('svg');
  });

  it('an imported run: unknown date and percentiles read "unknown", its source text is the report, no chart without data', () => {
    const record = importedRecord();
    const { markdown, files } = exportMarkdown([record]);
    expect(markdown.startsWith('## date unknown Each thread with its own channel\n')).toBe(true);
    expect(markdown).toContain('- Tool: wrk');
    expect(markdown).toContain('- Environment: unknown');
    expect(markdown).toContain(`\`\`\`txt\n${record.source?.text.trimEnd()}\n\`\`\``);
    expect(markdown).toContain('| 99% | unknown |');
    expect(markdown).toContain('| max | 1.20 s |');
    expect(markdown).not.toMatch(/\| 0 (µs|ms) \|/);
    expect(files).toEqual([]);
  });

  it('a connection-rate run shows the httperf layout', () => {
    expect(exportMarkdown([connRateRecord()]).markdown).toContain('```txt\nloadlab httperf --server=127.0.0.1 --port=7878');
  });

  it('several runs end with a comparison table against the first', () => {
    const { markdown } = exportMarkdown([measured, simulatedRecord({ id: 'run-b', title: 'event-loop', seed: 2, medianUs: 1200 }), importedRecord()]);
    const comparison = markdown.slice(markdown.indexOf('## Comparison'));
    expect(comparison).toContain('| Metric | #1 pool-shared, 4 threads (baseline) | #2 event-loop | #3 Each thread with its own channel |');
    expect(comparison).toMatch(/\| p50 \| [\d.]+ µs \| [\d.]+ ms \([\d.]+% worse, spread unknown with a single run\) \| unknown \(unknown in #3\) \|/);
    expect(comparison).toContain('| errors | 0 | 0 (same to within 1%, spread unknown with a single run) | 182 (0 → 182, worse, spread unknown with a single run) |');
  });

  it('titles cannot become markup; ids cannot collide with the comparison charts', () => {
    const hostile = simulatedRecord({ id: 'compare', title: '<script>alert(1)</script> *bold* [x](y) | pipe' });
    const { markdown, files } = exportMarkdown([hostile, measured]);
    expect(markdown).toContain('## 2026-11-27 &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](y) \\| pipe');
    expect(markdown).not.toContain('<script>');
    expect(new Set(files.map((file) => file.name)).size).toBe(files.length);
  });
});

describe('markdown helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb', 'a b'],
    ['1 < 2 & 3 > 2', '1 &lt; 2 &amp; 3 &gt; 2'],
    ['`x` _y_ ~z~', '\\`x\\` \\_y\\_ \\~z\\~'],
  ])('inline(%j)', (text, expected) => {
    expect(inline(text)).toBe(expected);
  });

  it('a fence is longer than any backtick run inside', () => {
    expect(fenced('a\n```\nb\n', 'txt')).toBe('````txt\na\n```\nb\n````');
    expect(fenced('x', '')).toBe('```\nx\n```');
  });
});
