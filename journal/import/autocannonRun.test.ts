import { describe, expect, it } from 'vitest';
import { autocannonDraft, autocannonResultSchema, looksLikeAutocannon } from './autocannonRun.ts';
import { readCommand } from './commandLine.ts';
import { importText } from './importText.ts';
import { IMPORTED_AT, readTestdata, warningsSink } from './testdataFiles.ts';

/** The TCP result of watt-poc's README: the first ```json block, as autocannon --json wrote it. */
function tcpResultText(): string {
  const readme = readTestdata('watt-poc-readme.md');
  const start = readme.indexOf('```json\n') + '```json\n'.length;
  return readme.slice(start, readme.indexOf('```', start));
}

describe('autocannon results', () => {
  it('recognises the shape', () => {
    expect(looksLikeAutocannon(JSON.parse(tcpResultText()))).toBe(true);
    expect(looksLikeAutocannon({ url: 'x', latency: {} })).toBe(false);
    expect(looksLikeAutocannon([])).toBe(false);
  });

  it('imports a bare --json file: ms to µs, status codes, non-2xx as status errors', () => {
    const { format, runs, warnings } = importText(tcpResultText(), { fileName: 'tcp.json', importedAt: IMPORTED_AT });
    const [run] = runs;
    expect(format).toBe('autocannon');
    expect(warnings).toEqual([]);
    expect(run?.title).toBe('autocannon http://localhost:3043/tsfastify/tcp');
    expect(run?.startedAt).toBe('2025-05-01T10:28:33.968Z');
    expect(run?.finishedAt).toBe('2025-05-01T10:28:43.997Z');
    expect(run?.summary.latencyUs).toEqual({ count: 9520, min: 7000, mean: 829_030, stdev: 1_894_540, max: 8_088_000, p50: 122_000, p75: 413_000, p90: 2_153_000, p99: 8_010_000, p999: 8_039_000, p9999: 8_088_000, p99999: 8_088_000, withinStdevPct: null });
    expect(run?.summary).toMatchObject({ requests: 9520, durationMs: 10_030, bytesRead: 1_801_573, statusCounts: { '200': 7276, '500': 2244 }, errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 2244 } });
    expect(run?.summary.reqPerSec).toBeCloseTo(9520 / 10.03, 9);
    // Without the command line, the planned duration and the rate are unknown.
    expect(run?.load).toEqual({ mode: 'max', threads: 1, connections: 100, durationMs: null, ratePerSec: null, keepAlive: null, timeoutMs: null, intervalMs: 1000 });
    expect(run?.histograms).toEqual({ correctedUs: null, uncorrectedUs: null });
  });

  it('takes the planned duration and the rate from the command', () => {
    const result = autocannonResultSchema.parse(JSON.parse(tcpResultText()));
    const { diagnostics } = warningsSink();
    const draft = autocannonDraft(result, readCommand('autocannon -c 100 -d 10 -R 2000 http://localhost:3043/tsfastify/tcp'), '', diagnostics, 1);
    expect(draft.body.load).toMatchObject({ mode: 'rate', ratePerSec: 2000, durationMs: 10_000 });
  });

  it('counts socket errors apart from timeouts, with a warning since autocannon does not say their kind', () => {
    const result = autocannonResultSchema.parse({ ...JSON.parse(tcpResultText()), errors: 7, timeouts: 2 });
    const { warnings, diagnostics } = warningsSink();
    const draft = autocannonDraft(result, null, '', diagnostics, 3);
    expect(draft.body.summary.errors).toMatchObject({ read: 5, timeout: 2 });
    expect(warnings).toEqual(['3: autocannon counted 5 socket errors without saying which; recorded as read errors']);
  });
});
