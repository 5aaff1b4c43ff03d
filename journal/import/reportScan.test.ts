import { describe, expect, it } from 'vitest';
import { ReportError } from './importError.ts';
import { scanReports } from './reportScan.ts';
import { splitLines } from './sourceLines.ts';
import { testdataLines } from './testdataFiles.ts';

describe('scanReports', () => {
  it('finds each report from "Running" to "Transfer/sec:"', () => {
    const lines = testdataLines('wrk2-issue149-two-runs.txt');
    expect(scanReports(lines)).toEqual([
      { kind: 'wrk', start: 1, end: 9 },
      { kind: 'wrk', start: 12, end: 20 },
    ]);
  });

  it('finds an httperf report from its echoed command to its last "Errors:" line', () => {
    const lines = testdataLines('async-micro-bench-threaded-sinatra.md');
    const [chunk] = scanReports(lines);
    expect(chunk?.kind).toBe('httperf');
    expect(lines[chunk?.start ?? 0]?.text).toMatch(/^httperf --hog --client=0\/1/);
    expect(lines[chunk?.end ?? 0]?.text).toBe('Errors: fd-unavail 0 addrunavail 0 ftab-full 0 other 0');
  });

  it('finds nothing in prose', () => {
    expect(scanReports(testdataLines('palantir-benches.md').slice(0, 40))).toEqual([]);
  });

  it('names the last line of a wrk report cut before its end', () => {
    const text = testdataLines('wrk-readme.txt')
      .slice(0, 12)
      .map((line) => line.text)
      .join('\n');
    const error = (() => {
      try {
        scanReports(splitLines(`${text}\n\nmore prose\n`));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ReportError);
    // The report's last line (Req/Sec), not the prose after it.
    expect((error as ReportError).line).toBe(12);
    expect((error as ReportError).message).toMatch(/truncated wrk report \(started at line 8\)/);
  });

  it('stops a wrk report at the next "Running" line', () => {
    const lines = splitLines('Running 1s test @ http://a/\n  1 threads and 1 connections\nRunning 1s test @ http://b/\n');
    expect(() => scanReports(lines)).toThrow(/truncated wrk report/);
  });
});
