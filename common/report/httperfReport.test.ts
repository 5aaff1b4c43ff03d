import { describe, expect, it } from 'vitest';
import { RUN_SCHEMA, measuredRunRecordSchema, type LatencySummary, type MeasuredRunRecord } from '../runRecord.ts';
import { formatHttperfReport, type HttperfInvocation } from './httperfReport.ts';

function latency(overrides: Partial<LatencySummary>): LatencySummary {
  return { count: 1000, min: 0, mean: 0, stdev: 0, max: 0, p50: 0, p75: 0, p90: 0, p99: 0, p999: 0, p9999: 0, p99999: 0, withinStdevPct: 0, ...overrides };
}

/** A connection-rate record with the figures of the seed journal's httperf run (entry 002). */
function seedRecord(overrides: Partial<MeasuredRunRecord['summary']> = {}): MeasuredRunRecord {
  return measuredRunRecordSchema.parse({
    schema: RUN_SCHEMA,
    id: 'run-002',
    title: '002',
    notes: '',
    tags: [],
    startedAt: '2024-10-13T10:00:00.000Z',
    finishedAt: '2024-10-13T10:01:39.901Z',
    stoppedEarly: false,
    target: { url: 'http://localhost:7878/', method: 'GET', headers: [], bodyBytes: 0 },
    load: {
      mode: 'conn-rate',
      threads: 1,
      connections: 1000,
      durationMs: 99_900,
      ratePerSec: 10,
      keepAlive: true,
      timeoutMs: 5000,
      intervalMs: 1000,
      connRate: { numConns: 1000, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } },
    },
    server: { kind: 'unknown' },
    env: { cpuModel: 'test', cores: 2, os: 'linux', node: '20', electron: null, app: '0.1.0' },
    summary: {
      requests: 1000,
      durationMs: 99_901,
      reqPerSec: 10.01,
      bytesRead: 99_000,
      transferPerSec: 991,
      latencyUs: latency({ mean: 500 }),
      uncorrectedLatencyUs: latency({ mean: 500 }),
      errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 },
      statusCounts: { '200': 1000 },
      serverCloses: 0,
      inFlightAtEnd: 0,
      unsent: 0,
      threadReqPerSec: { mean: 10, stdev: 0, max: 10, withinStdevPct: 100, samples: 999 },
      connRate: {
        started: 1000,
        completed: 1000,
        peakConcurrent: 1,
        maxConnectBurst: 1,
        connectUs: latency({ mean: 20 }),
        lifetimeUs: latency({ min: 300, mean: 520, max: 1700, p50: 500, stdev: 100 }),
        responseUs: latency({ mean: 480 }),
        transferUs: latency({ mean: 10 }),
        requestBytes: 62,
        replyHeaderBytes: 97_000,
        replyContentBytes: 2000,
        bytesSent: 62_000,
        replyRate: { min: 10, mean: 10, max: 10, stdev: 0, samples: 19 },
        errors: { clientTimeout: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 },
        cpuUserS: 8.13,
        cpuSystemS: 91.76,
      },
      ...overrides,
    },
    histograms: { correctedUs: '', uncorrectedUs: null },
    series: [],
  });
}

const invocation: HttperfInvocation = { server: 'localhost', port: 7878, uri: '/', spacing: '--rate=10', numConns: 1000, numCalls: 1, timeoutS: 5 };

describe('formatHttperfReport', () => {
  it("prints the seed journal's httperf report from the same figures", () => {
    expect(formatHttperfReport(seedRecord(), invocation)).toBe(
      [
        'loadlab httperf --server=localhost --port=7878 --uri=/ --rate=10 --num-conns=1000 --num-calls=1 --timeout=5',
        'Maximum connect burst length: 1',
        '',
        'Total: connections 1000 requests 1000 replies 1000 test-duration 99.901 s',
        '',
        'Connection rate: 10.0 conn/s (99.9 ms/conn, <=1 concurrent connections)',
        'Connection time [ms]: min 0.3 avg 0.5 max 1.7 median 0.5 stddev 0.1',
        'Connection time [ms]: connect 0.0',
        'Connection length [replies/conn]: 1.000',
        '',
        'Request rate: 10.0 req/s (99.9 ms/req)',
        'Request size [B]: 62.0',
        '',
        'Reply rate [replies/s]: min 10.0 avg 10.0 max 10.0 stddev 0.0 (19 samples)',
        'Reply time [ms]: response 0.5 transfer 0.0',
        'Reply size [B]: header 97.0 content 2.0 footer 0.0 (total 99.0)',
        'Reply status: 1xx=0 2xx=1000 3xx=0 4xx=0 5xx=0',
        '',
        'CPU time [s]: user 8.13 system 91.76 (user 8.1% system 91.9% total 100.0%)',
        'Net I/O: 1.6 KB/s (0.0*10^6 bps)',
        '',
        'Errors: total 0 client-timo 0 socket-timo 0 connrefused 0 connreset 0',
        'Errors: fd-unavail 0 addrunavail 0 ftab-full 0 other 0',
        '',
      ].join('\n'),
    );
  });

  it('counts statuses by class and errors by kind', () => {
    const base = seedRecord().summary.connRate;
    if (!base) throw new Error('fixture has no connRate');
    const text = formatHttperfReport(
      seedRecord({
        statusCounts: { '200': 900, '301': 5, '404': 60, '503': 35 },
        connRate: { ...base, errors: { clientTimeout: 3, connRefused: 2, connReset: 1, fdUnavail: 0, addrUnavail: 4, other: 5 } },
      }),
      invocation,
    );
    expect(text).toContain('Reply status: 1xx=0 2xx=900 3xx=5 4xx=60 5xx=35\n');
    expect(text).toContain('Errors: total 15 client-timo 3 socket-timo 0 connrefused 2 connreset 1\n');
    expect(text).toContain('Errors: fd-unavail 0 addrunavail 4 ftab-full 0 other 5\n');
  });

  it('refuses a run that is not connection-rate', () => {
    const seed = seedRecord();
    const record = { ...seed, summary: { ...seed.summary, connRate: undefined } };
    expect(() => formatHttperfReport(record, invocation)).toThrow(/not a connection-rate run/);
  });
});
