import { describe, expect, it } from 'vitest';
import { benchCommand, httperfInvocation, reportText } from './reportText.ts';
import { connRateRecord, importedRecord, simulatedRecord } from '../testing/simulatedRuns.ts';

describe('reportText', () => {
  it('a measured rate run: the loadlab bench command, then wrk2 --latency layout', () => {
    const lines = reportText(simulatedRecord()).split('\n');
    expect(lines.slice(0, 3)).toEqual(['loadlab bench -t2 -c10 -d5s -R200 --latency http://127.0.0.1:7878/', 'Running 5s test @ http://127.0.0.1:7878/', '  2 threads and 10 connections']);
    expect(lines).toContain('  Latency Distribution (HdrHistogram - Recorded Latency)');
    expect(lines).toContain('Requests/sec:    200.00');
  });

  it('a max-mode run has no -R', () => {
    const record = simulatedRecord();
    expect(benchCommand({ ...record, load: { ...record.load, mode: 'max', ratePerSec: null } })).toBe('loadlab bench -t2 -c10 -d5s --latency http://127.0.0.1:7878/');
  });

  it('quotes headers and odd URLs for the shell', () => {
    const record = simulatedRecord();
    const command = benchCommand({ ...record, load: { ...record.load, durationMs: 1500 }, target: { ...record.target, url: "http://h/it's", headers: [['X-Test', 'a b']] } });
    expect(command).toBe(`loadlab bench -t2 -c10 -d1500ms -R200 -H 'X-Test: a b' --latency 'http://h/it'\\''s'`);
  });

  it('a connection-rate run: httperf layout, its command rebuilt from the record', () => {
    const record = connRateRecord();
    expect(httperfInvocation(record)).toEqual({ server: '127.0.0.1', port: 7878, uri: '/', spacing: '--rate=10', numConns: 100, numCalls: 1, timeoutS: 2 });
    const lines = reportText(record).split('\n');
    expect(lines[0]).toBe('loadlab httperf --server=127.0.0.1 --port=7878 --uri=/ --rate=10 --num-conns=100 --num-calls=1 --timeout=2');
    expect(lines).toContain('Total: connections 100 requests 100 replies 100 test-duration 10.000 s');
  });

  it('an imported run: its source text as it was read', () => {
    const record = importedRecord();
    expect(reportText(record)).toBe(record.source?.text);
  });

  it('a record with unknown figures and no source says there is no report', () => {
    const record = importedRecord();
    delete record.source;
    expect(reportText(record)).toMatch(/^\(no report/);
  });
});
