import { build, encodeIntoCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import {
  RUN_SCHEMA,
  measuredRunRecordSchema,
  type ErrorCounts,
  type LatencySummary,
  type Load,
  type RateStats,
  type MeasuredRunRecord,
  type RunSummary,
} from '../runRecord.ts';
import { formatWrkReport, type WrkReportOptions } from './wrkReport.ts';

// Expected lines come from wrk2's reports in the seed journal and, for the histogram blocks,
// from wrk2's C code (print_hdr_latency, hdr_percentiles_print) run on the same latencies.

/** Encodes latencies the way the bench runner does: µs, 1 µs to 1 h, 3 significant digits. */
function encodeLatencies(valuesUs: readonly number[]): string {
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  for (const value of valuesUs) histogram.recordValue(value);
  const encoded = encodeIntoCompressedBase64(histogram);
  histogram.destroy();
  return encoded;
}

/** 990 latencies from 1000 to 1989 µs, then ten from 50 ms to 500 ms. */
const CORRECTED_US = [
  ...Array.from({ length: 990 }, (_, i) => 1000 + i),
  ...Array.from({ length: 10 }, (_, i) => 50_000 * (i + 1)),
];
/** 1000 latencies from 500 to 1499 µs. */
const UNCORRECTED_US = Array.from({ length: 1000 }, (_, i) => 500 + i);

interface Fixture {
  load?: Partial<Load>;
  summary?: Partial<Omit<RunSummary, 'errors' | 'latencyUs' | 'threadReqPerSec'>>;
  errors?: Partial<ErrorCounts>;
  latencyRow?: Partial<LatencySummary>;
  reqPerSecRow?: Partial<RateStats>;
  correctedUs?: readonly number[];
  uncorrectedUs?: readonly number[] | null;
}

function latencySummary(overrides: Partial<LatencySummary>): LatencySummary {
  return {
    count: 1000,
    min: 1000,
    mean: 1102,
    stdev: 559.72,
    max: 4120,
    p50: 1000,
    p75: 1200,
    p90: 1500,
    p99: 3000,
    p999: 4000,
    p9999: 4120,
    p99999: 4120,
    withinStdevPct: 69.86,
    ...overrides,
  };
}

/** A valid run record whose figures default to the seed's "004" wrk2 run. */
function makeRecord(fixture: Fixture = {}): MeasuredRunRecord {
  const uncorrectedUs = fixture.uncorrectedUs === undefined ? UNCORRECTED_US : fixture.uncorrectedUs;
  return measuredRunRecordSchema.parse({
    schema: RUN_SCHEMA,
    id: 'run-004',
    title: '004',
    notes: '',
    tags: [],
    startedAt: '2024-10-17T10:00:00.000Z',
    finishedAt: '2024-10-17T10:00:30.170Z',
    stoppedEarly: false,
    target: { url: 'http://localhost:7878/', method: 'GET', headers: [], bodyBytes: 0 },
    load: {
      mode: 'rate',
      threads: 12,
      connections: 400,
      durationMs: 30_000,
      ratePerSec: 1000,
      keepAlive: true,
      timeoutMs: 2000,
      intervalMs: 1000,
      ...fixture.load,
    },
    server: { kind: 'unknown' },
    env: { cpuModel: 'test', cores: 2, os: 'linux', node: '20', electron: null, app: '0.1.0' },
    summary: {
      requests: 29_974,
      durationMs: 30_170,
      reqPerSec: 993.57,
      bytesRead: 3_418_000,
      transferPerSec: 113_265,
      latencyUs: latencySummary(fixture.latencyRow ?? {}),
      uncorrectedLatencyUs: uncorrectedUs === null ? null : latencySummary({ mean: 999.5 }),
      errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0, ...fixture.errors },
      statusCounts: { '200': 29_974 },
      serverCloses: 0,
      inFlightAtEnd: 0,
      unsent: 0,
      threadReqPerSec: { mean: 85.97, stdev: 230.62, max: 3670, withinStdevPct: 99.03, samples: 3000, ...fixture.reqPerSecRow },
      ...fixture.summary,
    },
    histograms: {
      correctedUs: encodeLatencies(fixture.correctedUs ?? CORRECTED_US),
      uncorrectedUs: uncorrectedUs === null ? null : encodeLatencies(uncorrectedUs),
    },
    series: [],
  });
}

const PLAIN: WrkReportOptions = { latency: false, uncorrectedLatency: false };
const LATENCY: WrkReportOptions = { latency: true, uncorrectedLatency: false };
const BOTH: WrkReportOptions = { latency: true, uncorrectedLatency: true };

function reportLines(record: MeasuredRunRecord, options: WrkReportOptions): string[] {
  const text = formatWrkReport(record, options);
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

const DASHES = '----------------------------------------------------------';

describe('formatWrkReport: the seed reports (without wrk2 thread calibration lines)', () => {
  it('prints the "004" run exactly', () => {
    expect(formatWrkReport(makeRecord(), PLAIN)).toBe(
      [
        'Running 30s test @ http://localhost:7878/',
        '  12 threads and 400 connections',
        '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
        '    Latency     1.10ms  559.72us   4.12ms   69.86%',
        '    Req/Sec    85.97    230.62     3.67k    99.03%',
        '  29974 requests in 30.17s, 3.26MB read',
        'Requests/sec:    993.57',
        'Transfer/sec:    110.61KB',
        '',
      ].join('\n'),
    );
  });

  it('prints the "each thread with its own channel" run, with its socket errors, exactly', () => {
    const record = makeRecord({
      latencyRow: { mean: 50_190, stdev: 182_980, max: 1_200_000, withinStdevPct: 96.17 },
      reqPerSecRow: { mean: 83.15, stdev: 60.65, max: 211, withinStdevPct: 64.25 },
      summary: { requests: 29_674, durationMs: 30_170, bytesRead: 2_915_000, reqPerSec: 983.58, transferPerSec: 96_778 },
      errors: { read: 182 },
    });
    expect(formatWrkReport(record, PLAIN)).toBe(
      [
        'Running 30s test @ http://localhost:7878/',
        '  12 threads and 400 connections',
        '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
        '    Latency    50.19ms  182.98ms   1.20s    96.17%',
        '    Req/Sec    83.15     60.65   211.00     64.25%',
        '  29674 requests in 30.17s, 2.78MB read',
        '  Socket errors: connect 0, read 182, write 0, timeout 0',
        'Requests/sec:    983.58',
        'Transfer/sec:     94.51KB',
        '',
      ].join('\n'),
    );
  });

  it('prints the "001" run (-R200) exactly', () => {
    const record = makeRecord({
      load: { ratePerSec: 200 },
      latencyRow: { mean: 1900, stdev: 1950, max: 11_690, withinStdevPct: 85.25 },
      reqPerSecRow: { mean: 17.33, stdev: 89.76, max: 2750, withinStdevPct: 93.3 },
      summary: { requests: 6237, durationMs: 30_170, bytesRead: 579_154, reqPerSec: 206.72, transferPerSec: 19_200 },
      errors: { read: 387 },
    });
    expect(reportLines(record, PLAIN)).toEqual([
      'Running 30s test @ http://localhost:7878/',
      '  12 threads and 400 connections',
      '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
      '    Latency     1.90ms    1.95ms  11.69ms   85.25%',
      '    Req/Sec    17.33     89.76     2.75k    93.30%',
      '  6237 requests in 30.17s, 565.58KB read',
      '  Socket errors: connect 0, read 387, write 0, timeout 0',
      'Requests/sec:    206.72',
      'Transfer/sec:     18.75KB',
    ]);
  });

  it.each([
    // thread_pool3
    [{ mean: 111_680, stdev: 125_080, max: 334_590, withinStdevPct: 72.94 }, '    Latency   111.68ms  125.08ms 334.59ms   72.94%'],
    // 002
    [{ mean: 1490, stdev: 1430, max: 12_430, withinStdevPct: 88.87 }, '    Latency     1.49ms    1.43ms  12.43ms   88.87%'],
    // Thread Per Request
    [{ mean: 46_490, stdev: 153_920, max: 992_770, withinStdevPct: 92.49 }, '    Latency    46.49ms  153.92ms 992.77ms   92.49%'],
    // wrk2's README
    [{ mean: 6460, stdev: 1930, max: 12_340, withinStdevPct: 67.66 }, '    Latency     6.46ms    1.93ms  12.34ms   67.66%'],
    // wrk keeps Max as an integer.
    [{ mean: 0, stdev: 0, max: 4120.9, withinStdevPct: 0 }, '    Latency     0.00us    0.00us   4.12ms    0.00%'],
  ])('prints the latency row for %o as "%s"', (row, expected) => {
    expect(reportLines(makeRecord({ latencyRow: row }), PLAIN)[3]).toBe(expected);
  });

  it.each([
    [{ mean: 83.81, stdev: 15.82, max: 127, withinStdevPct: 71.39 }, '    Req/Sec    83.81     15.82   127.00     71.39%'],
    [{ mean: 86.89, stdev: 184.88, max: 3000, withinStdevPct: 95.58 }, '    Req/Sec    86.89    184.88     3.00k    95.58%'],
    // wrk2's README
    [{ mean: 1050, stdev: 1120, max: 2500, withinStdevPct: 64.84 }, '    Req/Sec     1.05k     1.12k    2.50k    64.84%'],
  ])('prints the Req/Sec row for %o as "%s"', (row, expected) => {
    expect(reportLines(makeRecord({ reqPerSecRow: row }), PLAIN)[4]).toBe(expected);
  });

  it.each([
    [10_000, 'Running 10s test @ http://localhost:7878/'],
    [60_000, 'Running 1m test @ http://localhost:7878/'],
    [90_000, 'Running 2m test @ http://localhost:7878/'],
  ])('prints a %i ms run as "%s"', (durationMs, expected) => {
    expect(reportLines(makeRecord({ load: { durationMs } }), PLAIN)[0]).toBe(expected);
  });
});

describe('formatWrkReport: latency blocks', () => {
  const distribution = [
    '  Latency Distribution (HdrHistogram - Recorded Latency)',
    ' 50.000%    1.50ms',
    ' 75.000%    1.75ms',
    ' 90.000%    1.90ms',
    ' 99.000%    1.99ms',
    ' 99.900%  450.05ms',
    ' 99.990%  500.22ms',
    ' 99.999%  500.22ms',
    '100.000%  500.22ms',
    '',
    '  Detailed Percentile spectrum:',
    '       Value   Percentile   TotalCount 1/(1-Percentile)',
    '',
  ];

  it('prints the distribution and the percentile spectrum of the corrected histogram', () => {
    const lines = reportLines(makeRecord(), LATENCY);
    expect(lines.slice(0, 5)).toEqual(reportLines(makeRecord(), PLAIN).slice(0, 5));
    expect(lines.slice(5, 5 + distribution.length)).toEqual(distribution);
    const spectrum = lines.slice(5 + distribution.length, lines.indexOf(DASHES) - 3);
    expect(spectrum).toHaveLength(52);
    expect(spectrum.slice(0, 3)).toEqual([
      '       1.000     0.000000            1         1.00',
      '       1.099     0.100000          100         1.11',
      '       1.199     0.200000          200         1.25',
    ]);
    expect(spectrum.slice(-3)).toEqual([
      '     450.047     0.998828          999       853.33',
      '     500.223     0.999023         1000      1024.00',
      '     500.223     1.000000         1000          inf',
    ]);
    expect(lines.slice(lines.indexOf(DASHES) - 3)).toEqual([
      '#[Mean    =        4.230, StdDeviation   =       30.772]',
      '#[Max     =      499.968, Total count    =         1000]',
      '#[Buckets =           22, SubBuckets     =         2048]',
      DASHES,
      '  29974 requests in 30.17s, 3.26MB read',
      'Requests/sec:    993.57',
      'Transfer/sec:    110.61KB',
    ]);
  });

  it('follows with the uncorrected block when asked, after a blank line', () => {
    const lines = reportLines(makeRecord(), BOTH);
    const firstEnd = lines.indexOf(DASHES);
    expect(lines.slice(firstEnd, firstEnd + 4)).toEqual([
      DASHES,
      '',
      '  Latency Distribution (HdrHistogram - Uncorrected Latency (measured without taking delayed starts into account))',
      ' 50.000%    1.00ms',
    ]);
    expect(lines.filter((line) => line === DASHES)).toHaveLength(2);
    expect(lines.slice(-7)).toEqual([
      '#[Mean    =        1.000, StdDeviation   =        0.289]',
      '#[Max     =        1.499, Total count    =         1000]',
      '#[Buckets =           22, SubBuckets     =         2048]',
      DASHES,
      '  29974 requests in 30.17s, 3.26MB read',
      'Requests/sec:    993.57',
      'Transfer/sec:    110.61KB',
    ]);
  });

  it('prints the uncorrected block alone when only it is asked for', () => {
    const lines = reportLines(makeRecord(), { latency: false, uncorrectedLatency: true });
    expect(lines.slice(4, 7)).toEqual([
      '    Req/Sec    85.97    230.62     3.67k    99.03%',
      '',
      '  Latency Distribution (HdrHistogram - Uncorrected Latency (measured without taking delayed starts into account))',
    ]);
    expect(lines.some((line) => line.includes('Recorded Latency'))).toBe(false);
  });

  it('prints no block unless asked', () => {
    const text = formatWrkReport(makeRecord(), PLAIN);
    expect(text).not.toContain('Latency Distribution');
    expect(text).not.toContain(DASHES);
  });

  it('prints no uncorrected block in max mode, even when asked', () => {
    const record = makeRecord({ load: { mode: 'max', ratePerSec: null } });
    const lines = reportLines(record, BOTH);
    expect(lines.filter((line) => line.startsWith('  Latency Distribution'))).toEqual([
      '  Latency Distribution (HdrHistogram - Recorded Latency)',
    ]);
    expect(lines.filter((line) => line === DASHES)).toHaveLength(1);
  });

  it('prints no uncorrected block when the record has no uncorrected histogram', () => {
    const lines = reportLines(makeRecord({ uncorrectedUs: null }), BOTH);
    expect(lines.some((line) => line.includes('Uncorrected'))).toBe(false);
    expect(lines.filter((line) => line === DASHES)).toHaveLength(1);
  });

  it('prints a run without responses as wrk2 does: one 100% line and -nan statistics', () => {
    const lines = reportLines(makeRecord({ correctedUs: [] }), LATENCY);
    expect(lines.slice(5, 9)).toEqual([
      '  Latency Distribution (HdrHistogram - Recorded Latency)',
      ' 50.000%    0.00us',
      ' 75.000%    0.00us',
      ' 90.000%    0.00us',
    ]);
    const header = lines.indexOf('       Value   Percentile   TotalCount 1/(1-Percentile)');
    expect(lines.slice(header + 1, header + 7)).toEqual([
      '',
      '       0.000     1.000000            0          inf',
      '#[Mean    =         -nan, StdDeviation   =         -nan]',
      '#[Max     =        0.000, Total count    =            0]',
      '#[Buckets =           22, SubBuckets     =         2048]',
      DASHES,
    ]);
  });

  it('prints values of a second and more with the column left after the unit', () => {
    const lines = reportLines(makeRecord({ correctedUs: [800, 1_500_000] }), LATENCY);
    expect(lines.slice(6, 8)).toEqual([' 50.000%  800.00us', ' 75.000%    1.50s ']);
  });

  it('names the run and the histogram when a histogram cannot be decoded', () => {
    const record: MeasuredRunRecord = { ...makeRecord(), histograms: { correctedUs: 'not a histogram', uncorrectedUs: null } };
    expect(() => formatWrkReport(record, LATENCY)).toThrow(/^run run-004: histograms\.correctedUs is not a compressed HdrHistogram/);
    expect(formatWrkReport(record, PLAIN)).toContain('Requests/sec:');
  });
});

describe('formatWrkReport: error and Loadlab lines', () => {
  it.each([
    [{ connect: 3 }, '  Socket errors: connect 3, read 0, write 0, timeout 0'],
    [{ read: 182 }, '  Socket errors: connect 0, read 182, write 0, timeout 0'],
    [{ write: 5 }, '  Socket errors: connect 0, read 0, write 5, timeout 0'],
    [{ timeout: 7 }, '  Socket errors: connect 0, read 0, write 0, timeout 7'],
  ])('prints socket errors %o as "%s"', (errors, expected) => {
    expect(reportLines(makeRecord({ errors }), PLAIN).slice(5, 8)).toEqual([
      '  29974 requests in 30.17s, 3.26MB read',
      expected,
      'Requests/sec:    993.57',
    ]);
  });

  it('prints non-2xx/3xx responses alone, without a socket errors line', () => {
    expect(reportLines(makeRecord({ errors: { status: 12 } }), PLAIN).slice(5, 8)).toEqual([
      '  29974 requests in 30.17s, 3.26MB read',
      '  Non-2xx or 3xx responses: 12',
      'Requests/sec:    993.57',
    ]);
  });

  it('prints the Loadlab counters after the wrk lines, only when non-zero', () => {
    const record = makeRecord({
      errors: { timeout: 1, status: 2 },
      summary: { inFlightAtEnd: 4, unsent: 5, serverCloses: 6 },
    });
    expect(reportLines(record, PLAIN).slice(5)).toEqual([
      '  29974 requests in 30.17s, 3.26MB read',
      '  Socket errors: connect 0, read 0, write 0, timeout 1',
      '  Non-2xx or 3xx responses: 2',
      '  Requests in flight at end: 4',
      '  Unsent (behind schedule at end): 5',
      '  Server-closed connections: 6 (reconnected)',
      'Requests/sec:    993.57',
      'Transfer/sec:    110.61KB',
    ]);
    expect(reportLines(makeRecord({ summary: { unsent: 5 } }), PLAIN).slice(5, 8)).toEqual([
      '  29974 requests in 30.17s, 3.26MB read',
      '  Unsent (behind schedule at end): 5',
      'Requests/sec:    993.57',
    ]);
  });
});

describe('formatWrkReport: unanswered requests', () => {
  const bounded = { count: 2000, mean: 1_000_000, p50: 1_000_000, p75: 1_500_000, p90: 1_800_000, p99: 1_980_000, p999: 1_998_000, p9999: 2_000_000, p99999: 2_000_000, max: 2_000_000 };

  it('adds one line under wrk2 layout: how many went unanswered and the bounds, "≥" only where a censored value can move the figure', () => {
    const record = makeRecord({
      summary: { scheduled: 2000, completion: 0.0025, unanswered: { count: 1995, failed: 0 }, inFlightAtEnd: 399, unsent: 1596, latencyWithUnansweredUs: { ...bounded, p50: 812, lowerBounds: ['mean', 'p75', 'p90', 'p99', 'p999', 'p9999', 'p99999', 'max'] } },
    });
    const lines = reportLines(record, PLAIN);
    expect(lines.slice(-3)).toEqual([
      'Requests/sec:    993.57',
      'Transfer/sec:    110.61KB',
      'Unanswered: 1995 of 2000 scheduled (completion 0.25 % ⚠, below 99 %); counted at their wait so far: p50 812.00us, p90 ≥ 1.80s, p99 ≥ 1.98s, p99.9 ≥ 2.00s, max ≥ 2.00s',
    ]);
  });

  it('no line when everything was answered, or the record predates the count', () => {
    const complete = makeRecord({ summary: { scheduled: 29_974, completion: 1, unanswered: { count: 0, failed: 0 }, latencyWithUnansweredUs: null } });
    expect(reportLines(complete, PLAIN).at(-1)).toBe('Transfer/sec:    110.61KB');
    expect(reportLines(makeRecord(), PLAIN).at(-1)).toBe('Transfer/sec:    110.61KB');
  });
});
