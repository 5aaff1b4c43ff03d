import { describe, expect, it } from 'vitest';
import { field, runsCsv, seriesCsv } from './csv.ts';
import { importedRecord, simulatedRecord } from '../../common/testing/simulatedRuns.ts';

/** RFC 4180 reader for the tests: CRLF records, quoted fields with "" for a quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        value += '"';
        index++;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(value);
      value = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
      index++;
    } else value += char;
  }
  if (value !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('CSV exports', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1+cmd', "'+1+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    [-5, '-5'],
    ['cr\rlf', '"cr\rlf"'],
  ])('field(%j) is %j', (text, expected) => {
    expect(field(text)).toBe(expected);
  });

  it('one row per run; titles with commas, quotes and line breaks read back as they were', () => {
    const title = 'pool, "shared"\nsecond line';
    const rows = readCsv(runsCsv([simulatedRecord({ id: 'a', title }), importedRecord()]));
    const header = rows[0] ?? [];
    expect(header).toEqual([
      'id', 'title', 'startedAt', 'tool', 'mode', 'threads', 'connections', 'ratePerSec', 'durationMs', 'measuredDurationMs', 'requests', 'reqPerSec',
      'p50Us', 'p75Us', 'p90Us', 'p99Us', 'p999Us', 'p9999Us', 'p99999Us', 'maxUs', 'meanUs', 'stdevUs',
      'scheduled', 'completion', 'unanswered',
      'meanUsWithUnanswered', 'p50UsWithUnanswered', 'p75UsWithUnanswered', 'p90UsWithUnanswered', 'p99UsWithUnanswered',
      'p999UsWithUnanswered', 'p9999UsWithUnanswered', 'p99999UsWithUnanswered', 'maxUsWithUnanswered', 'lowerBounds',
      'errorsConnect', 'errorsRead', 'errorsWrite', 'errorsTimeout', 'errorsStatus',
    ]);
    expect(rows).toHaveLength(3);
    const measured = Object.fromEntries(header.map((name, index) => [name, rows[1]?.[index]]));
    expect(measured).toMatchObject({ id: 'a', title, tool: 'loadlab', mode: 'rate', threads: '2', ratePerSec: '200', reqPerSec: '200' });
    expect(Number(measured.p99Us)).toBeGreaterThan(0);
  });

  it('unknown figures are empty cells, never 0', () => {
    const rows = readCsv(runsCsv([importedRecord()]));
    const imported = Object.fromEntries((rows[0] ?? []).map((name, index) => [name, rows[1]?.[index]]));
    expect(imported).toMatchObject({ startedAt: '', ratePerSec: '', p50Us: '', p99Us: '', p99999Us: '', maxUs: '1200000', tool: 'wrk', errorsRead: '182' });
  });

  it('a row per interval of every run, unknown interval latency empty', () => {
    const record = simulatedRecord({ id: 'a', durationMs: 3000 });
    const quiet = { ...record, id: 'q', series: [{ tMs: 1000, requests: 0, errors: 2, errorsByKind: { connect: 0, read: 0, write: 0, timeout: 2, status: 0 }, bytes: 0, latencyUs: null }] };
    const rows = readCsv(seriesCsv([record, quiet, importedRecord()]));
    expect(rows[0]).toEqual(['runId', 'tMs', 'requests', 'errors', 'bytes', 'p50Us', 'p90Us', 'p99Us', 'maxUs', 'errorsConnect', 'errorsRead', 'errorsWrite', 'errorsTimeout', 'errorsStatus']);
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([['a', '1000', '200'], ['a', '2000', '200'], ['a', '3000', '200'], ['q', '1000', '0']]);
    expect(rows[4]).toEqual(['q', '1000', '0', '2', '0', '', '', '', '', '0', '0', '0', '2', '0']);
    // A record written before points had kinds: the kind cells are empty, never 0.
    const older = { ...quiet, series: [{ tMs: 1000, requests: 0, errors: 2, bytes: 0, latencyUs: null }] };
    expect(readCsv(seriesCsv([older]))[1]).toEqual(['q', '1000', '0', '2', '0', '', '', '', '', '', '', '', '', '']);
  });
});

describe('CSV exports of an HdrHistogram log', () => {
  it('leaves the mode and errors it did not contain empty, never rate mode with 0 errors', () => {
    const base = importedRecord();
    const hlog = { ...base, target: { ...base.target, method: null }, load: { ...base.load, mode: null }, summary: { ...base.summary, errors: null }, source: { tool: 'hlog', text: '' } };
    const rows = readCsv(runsCsv([hlog]));
    const row = Object.fromEntries((rows[0] ?? []).map((name, index) => [name, rows[1]?.[index]]));
    expect(row).toMatchObject({ mode: '', errorsConnect: '', errorsRead: '', errorsStatus: '' });
  });
});
