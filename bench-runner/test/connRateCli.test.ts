// `loadlab httperf` as a user runs it (node bin/loadlab.js httperf …): httperf's report layout,
// figures that agree with the --json run record, and bad flags refused with exit status 2.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHttperfOutput } from '../../peers/httperfOutput.ts';
import { measuredRunRecordSchema, type MeasuredRunRecord } from '../../common/runRecord.ts';
import { startArrivalServer, type ArrivalServer } from './servers.ts';
import { runLoadlab } from '../../peers/loadlabCli.ts';

const loadlab = runLoadlab;

/** The report's lines in order, as httperf 0.9 prints them (first line: the command). */
const LAYOUT = [
  /^loadlab httperf --server=127\.0\.0\.1 --port=\d+ --uri=\/ --rate=100 --num-conns=50 --num-calls=1 --timeout=5$/,
  /^Maximum connect burst length: \d+$/,
  /^$/,
  /^Total: connections 50 requests 50 replies 50 test-duration \d+\.\d{3} s$/,
  /^$/,
  /^Connection rate: \d+\.\d conn\/s \(\d+\.\d ms\/conn, <=\d+ concurrent connections\)$/,
  /^Connection time \[ms\]: min \d+\.\d avg \d+\.\d max \d+\.\d median \d+\.\d stddev \d+\.\d$/,
  /^Connection time \[ms\]: connect \d+\.\d$/,
  /^Connection length \[replies\/conn\]: 1\.000$/,
  /^$/,
  /^Request rate: \d+\.\d req\/s \(\d+\.\d ms\/req\)$/,
  /^Request size \[B\]: \d+\.\d$/,
  /^$/,
  /^Reply rate \[replies\/s\]: min \d+\.\d avg \d+\.\d max \d+\.\d stddev \d+\.\d \(\d+ samples\)$/,
  /^Reply time \[ms\]: response \d+\.\d transfer \d+\.\d$/,
  /^Reply size \[B\]: header \d+\.\d content 5\.0 footer 0\.0 \(total \d+\.\d\)$/,
  /^Reply status: 1xx=0 2xx=50 3xx=0 4xx=0 5xx=0$/,
  /^$/,
  /^CPU time \[s\]: user \d+\.\d\d system \d+\.\d\d \(user \d+\.\d% system \d+\.\d% total \d+\.\d%\)$/,
  /^Net I\/O: \d+\.\d KB\/s \(\d+\.\d\*10\^6 bps\)$/,
  /^$/,
  /^Errors: total 0 client-timo 0 socket-timo 0 connrefused 0 connreset 0$/,
  /^Errors: fd-unavail 0 addrunavail 0 ftab-full 0 other 0$/,
];

/** Within the rounding of a figure printed with `digits` decimals. */
function expectPrinted(printed: number, exact: number, digits: number): void {
  expect(Math.abs(printed - exact)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-9);
}

let server: ArrivalServer;
let dir = '';

beforeAll(async () => {
  server = await startArrivalServer({ handle: (_req, res) => res.end('hello') });
  dir = await mkdtemp(join(tmpdir(), 'loadlab-httperf-cli-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('loadlab httperf run', () => {
  it("prints httperf's report, line for line, consistent with the --json record", async () => {
    const jsonPath = join(dir, 'run.json');
    const before = server.counters.requests;
    const result = await loadlab(['httperf', '--server', '127.0.0.1', '--port', String(server.port), '--rate', '100', '--num-conns', '50', '--hog', '--json', jsonPath]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(server.counters.requests - before).toBe(50);

    const lines = result.stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toHaveLength(LAYOUT.length);
    LAYOUT.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));

    const record: MeasuredRunRecord = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
    const { summary } = record;
    const conn = summary.connRate;
    if (!conn) throw new Error('no summary.connRate in the record');
    expect(record.load).toMatchObject({ mode: 'conn-rate', threads: 1, connections: 50, ratePerSec: 100, timeoutMs: 5000 });
    expect(record.load.connRate).toEqual({ numConns: 50, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 100 } });

    const report = parseHttperfOutput(result.stdout);
    const durationS = summary.durationMs / 1000;
    expect(report.connections).toBe(conn.started);
    expect(report.requests).toBe(conn.bytesSent / conn.requestBytes);
    expect(report.replies).toBe(summary.requests);
    expectPrinted(report.testDurationS, durationS, 3);
    expect(report.maxConnectBurst).toBe(conn.maxConnectBurst);
    expect(report.maxConcurrent).toBe(conn.peakConcurrent);
    expectPrinted(report.connRatePerSec, conn.started / durationS, 1);
    expectPrinted(report.connectionTimeMs.min, conn.lifetimeUs.min / 1000, 1);
    expectPrinted(report.connectionTimeMs.avg, conn.lifetimeUs.mean / 1000, 1);
    expectPrinted(report.connectionTimeMs.max, conn.lifetimeUs.max / 1000, 1);
    expectPrinted(report.connectionTimeMs.median, conn.lifetimeUs.p50 / 1000, 1);
    expectPrinted(report.connectMs, conn.connectUs.mean / 1000, 1);
    expectPrinted(report.requestRatePerSec, 50 / durationS, 1);
    expect(report.requestSizeB).toBe(conn.requestBytes);
    expectPrinted(report.replyTimeMs.response, conn.responseUs.mean / 1000, 1);
    expectPrinted(report.replyTimeMs.transfer, conn.transferUs.mean / 1000, 1);
    expectPrinted(report.replySizeB.header, conn.replyHeaderBytes / 50, 1);
    expect(report.replySizeB.content).toBe(5);
    expect(report.replyStatus).toEqual([0, 50, 0, 0, 0]);
    expect(summary.statusCounts).toEqual({ '200': 50 });
    expectPrinted(report.cpuUserS, conn.cpuUserS, 2);
    expectPrinted(report.cpuSystemS, conn.cpuSystemS, 2);
    expectPrinted(report.netKBPerSec, (conn.bytesSent + summary.bytesRead) / durationS / 1024, 1);
    // A 0.5 s run has no full 5 s reply-rate window: no samples, as httperf reports it.
    expect(report.replyRate.samples).toBe(conn.replyRate.samples);
    expect(report.errors.total).toBe(0);
  });

  it('--num-calls 5: five replies per connection, "Connection length [replies/conn]: 5.000"', async () => {
    const before = { ...server.counters };
    const result = await loadlab(['httperf', '--server', '127.0.0.1', '--port', String(server.port), '--rate', '200', '--num-conns', '20', '--num-calls', '5']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Connection length [replies/conn]: 5.000\n');
    const report = parseHttperfOutput(result.stdout);
    expect(report).toMatchObject({ connections: 20, requests: 100, replies: 100, repliesPerConn: 5 });
    expect(server.counters.connections - before.connections).toBe(20);
    expect(server.counters.requests - before.requests).toBe(100);
  });

  it('--period e0.005 --add-header: Poisson spacing in the record, the headers on the wire', async () => {
    const jsonPath = join(dir, 'period.json');
    const seen: string[] = [];
    const headerServer = await startArrivalServer({
      handle: (req, res) => {
        seen.push(`${String(req.headers['x-one'])} ${String(req.headers['x-two'])}`);
        res.end('ok');
      },
    });
    try {
      const result = await loadlab([
        'httperf', '--server', '127.0.0.1', '--port', String(headerServer.port), '--period', 'e0.005', '--num-conns', '40',
        '--add-header', 'X-One: 1\\nX-Two: two', '--json', jsonPath,
      ]);
      expect(result.status).toBe(0);
      expect(result.stdout.split('\n')[0]).toContain('--period=e0.005 --num-conns=40');
      const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
      expect(record.load.connRate?.spacing).toEqual({ kind: 'exponential', meanMs: 5 });
      expect(record.load.ratePerSec).toBe(200);
      expect(record.target.headers).toEqual([['X-One', '1'], ['X-Two', 'two']]);
      expect(seen).toEqual(Array.from({ length: 40 }, () => '1 two'));
    } finally {
      await headerServer.close();
    }
  });
});

describe('loadlab httperf flags', () => {
  it.each([
    [['--rate', '0'], /--rate must be greater than 0/],
    [['--rate', 'fast'], /--rate expects a number/],
    [['--rate', '10', '--period', 'd0.1'], /give --rate or --period, not both/],
    [[], /give --rate N or --period/],
    [['--period', 'x0.1'], /--period expects d<T>, e<T> or u<T1>,<T2>/],
    [['--period', 'u0.2,0.1'], /needs T1 <= T2/],
    [['--rate', '10', '--num-conns', '1.5'], /--num-conns expects a whole number/],
    [['--rate', '10', '--num-calls', 'many'], /--num-calls expects a whole number/],
    [['--rate', '10', '--timeout', '0'], /--timeout expects seconds above 0/],
    [['--rate', '10', '--num-conns', '2', '-t', '4'], /num-conns \(2\) must be at least threads \(4\)/],
    [['--rate', '10', '--add-header', 'no colon'], /expects "Name: value"/],
    [['--rate', '10', '--frobnicate'], /unknown option '--frobnicate'/],
  ])('rejects %j with exit status 2', async (flags, message) => {
    const result = await loadlab(['httperf', '--server', '127.0.0.1', '--port', String(server.port), ...flags]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('rejects a port out of range with exit status 2', async () => {
    const result = await loadlab(['httperf', '--server', '127.0.0.1', '--port', '70000', '--rate', '10']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port must be 1-65535/);
  });

  it('prints help with the httperf flags', async () => {
    const result = await loadlab(['httperf', '--help']);
    expect(result.status).toBe(0);
    for (const flag of ['--server', '--port', '--uri', '--rate', '--period', '--num-conns', '--num-calls', '--timeout', '--method', '--add-header', '--hog', '--json']) {
      expect(result.stdout).toContain(flag);
    }
  });
});
