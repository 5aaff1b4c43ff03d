import { describe, expect, it } from 'vitest';
import { readHttperfReport } from './httperfReport.ts';
import { scanReports } from './reportScan.ts';
import { testdataLines } from './testdataFiles.ts';

function figuresOf(name: string, which = 0): ReturnType<typeof readHttperfReport> {
  const lines = testdataLines(name);
  const chunk = scanReports(lines).filter((found) => found.kind === 'httperf')[which];
  if (!chunk) throw new Error(`no httperf report ${which} in ${name}`);
  return readHttperfReport(lines, chunk.start, chunk.end);
}

describe('readHttperfReport', () => {
  it('reads every line of the seed journal\'s report', () => {
    const figures = figuresOf('seed-000_cba8d662fb279400.txt');
    expect(figures).toEqual({
      echoedArgs: ['--client=0/1', '--server=localhost', '--port=7878', '--uri=/', '--rate=10', '--send-buffer=4096', '--recv-buffer=16384', '--num-conns=1000', '--num-calls=1'],
      echoedByLoadlab: false,
      maxConnectBurst: 1,
      connections: 1000,
      requests: 1000,
      replies: 1000,
      durationS: 99.901,
      peakConcurrent: 1,
      lifetimeMs: { min: 0.3, avg: 0.5, max: 1.7, median: 0.5, stddev: 0.1 },
      connectMs: 0,
      repliesPerConnection: 1,
      requestBytes: 62,
      replyRate: { min: 10, avg: 10, max: 10, stddev: 0, samples: 19 },
      responseMs: 0.5,
      transferMs: 0,
      replyBytes: { header: 97, content: 2, footer: 0 },
      statusClasses: { '1xx': 0, '2xx': 1000, '3xx': 0, '4xx': 0, '5xx': 0 },
      cpuS: { user: 8.13, system: 91.76 },
      errors: { total: 0, clientTimo: 0, socketTimo: 0, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, ftabFull: 0, other: 0 },
    });
  });

  it('reads an interrupted run (^C before the burst line) pasted without fences', () => {
    const figures = figuresOf('async-micro-bench-threaded-sinatra.md');
    expect(figures).toMatchObject({ maxConnectBurst: 1, connections: 25, requests: 27_745, replies: 27_720, repliesPerConnection: 0, peakConcurrent: 25 });
    expect(figures.replyRate).toEqual({ min: 5, avg: 39.3, max: 40, stddev: 3.8, samples: 140 });
  });

  it('reads an indented report with socket timeouts', () => {
    const figures = figuresOf('godfat-bench-readme.md');
    expect(figures).toMatchObject({ maxConnectBurst: 2, replies: 9310, durationS: 30.897, peakConcurrent: 608, connectMs: 4340.4 });
    expect(figures.errors).toMatchObject({ total: 69, socketTimo: 69 });
  });

  it('names the line where a report without its "Errors:" lines ends', () => {
    expect(() => figuresOf('godfat-bench-readme.md', 1)).toThrow(/without its "Errors: total" line: truncated\?/);
    try {
      figuresOf('godfat-bench-readme.md', 1);
    } catch (error) {
      expect((error as { line: number }).line).toBe(117);
    }
  });
});
