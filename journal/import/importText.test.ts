import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../common/runRecord.ts';
import { ImportError, importText, type ImportFormat } from './importText.ts';
import { IMPORTED_AT, importTestdata, readTestdata, testdataNames } from './testdataFiles.ts';

const EXPECTED: Record<string, [ImportFormat, number]> = {
  'async-micro-bench-threaded-sinatra.md': ['markdown', 1],
  'axino-nginx-node.md': ['markdown', 6],
  'hlog-bug-whitespace.hlog': ['hlog', 1],
  'hlog-jhiccup-with-basetime.hlog': ['hlog', 1],
  'loadlab-bench-report.txt': ['wrk', 1],
  'loadlab-run.json': ['loadlab', 1],
  'palantir-benches.md': ['markdown', 4],
  'pingap-benchmark.md': ['markdown', 3],
  'seed-000_cba8d662fb279400.txt': ['markdown', 7],
  'watt-poc-readme.md': ['markdown', 2],
  'wrk-issue37-nan.txt': ['wrk', 1],
  'wrk-m_net-latency.txt': ['wrk', 1],
  'wrk-readme.txt': ['wrk', 1],
  'wrk-wrktoolbox-non2xx.txt': ['wrk', 1],
  'wrk-wrktoolbox-timeouts.txt': ['wrk', 1],
  'wrk2-issue138-nan.txt': ['wrk', 1],
  'wrk2-issue149-two-runs.txt': ['wrk', 2],
  'wrk2-readme-basic.txt': ['wrk', 1],
  'wrk2-readme-latency.txt': ['wrk', 1],
  'wrk2-readme-u-latency.txt': ['wrk', 1],
  'wrk2-wrktoolbox-nan.txt': ['wrk', 1],
  'wrk2-wrktoolbox-spectrum.txt': ['wrk', 1],
};
const READABLE = testdataNames().filter((name) => name !== 'godfat-bench-readme.md');

function caught(action: () => unknown): ImportError {
  try {
    action();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no ImportError');
}

describe('importText', () => {
  it('covers every test data file', () => {
    expect(READABLE.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(READABLE)('recognises %s from its content, and every run is a valid journal record', (name) => {
    // The file name says nothing: the same content under another name imports the same.
    const result = importTestdata(name, 'pasted.txt');
    const [format, count] = EXPECTED[name] ?? ['?', 0];
    expect(result.format).toBe(format);
    expect(result.runs).toHaveLength(count);
    for (const run of result.runs) {
      expect(() => runRecordSchema.parse(run)).not.toThrow();
      expect(run.source?.file).toBe('pasted.txt');
      expect(run.source?.importedAt).toBe(IMPORTED_AT);
      expect(run.tags).toEqual([]);
      // Only Loadlab's own records know their environment.
      if (format !== 'loadlab') expect(run.env).toBeNull();
    }
  });

  it('gives the same ids on every import, whatever the file is called, and distinct ids within a file', () => {
    for (const name of READABLE.filter((each) => each !== 'loadlab-run.json')) {
      const first = importTestdata(name, 'a.md').runs.map((run) => run.id);
      const again = importTestdata(name, 'renamed.txt').runs.map((run) => run.id);
      expect(again).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
      for (const id of first) expect(id).toMatch(/^i-[0-9a-f]{16}$/);
    }
  });

  it('keeps the original text of each report with its command', () => {
    const [first, second] = importTestdata('wrk2-issue149-two-runs.txt').runs;
    const text = readTestdata('wrk2-issue149-two-runs.txt');
    expect(first?.source?.text).toBe(text.split('\n\n')[0]);
    expect(second?.source?.text).toBe(text.split('\n\n')[1]?.trimEnd());
  });

  describe('what it cannot read: an ImportError naming the file and line', () => {
    const options = { fileName: 'seed.txt', importedAt: IMPORTED_AT };

    it('an empty file', () => {
      const error = caught(() => importText('  \n\n', options));
      expect(error.message).toBe('seed.txt:1: empty file');
      expect([error.fileName, error.line]).toEqual(['seed.txt', 1]);
    });

    it('garbage', () => {
      expect(caught(() => importText('hello\nworld\n', options)).message).toMatch(/^seed\.txt:1: no report found: not wrk, wrk2, httperf/);
      expect(caught(() => importText('\u0000\u0001binary', options)).line).toBe(1);
    });

    it('JSON that is neither autocannon nor Loadlab, and JSON that does not parse', () => {
      expect(caught(() => importText('{"requests": 3}', options)).message).toBe('seed.txt:1: JSON that is neither an autocannon result (--json) nor a Loadlab run record');
      expect(caught(() => importText('[1, 2]', options)).message).toMatch(/^seed\.txt:1: JSON that is neither/);
      const broken = caught(() => importText('{\n  "url": "x",\n  "latency": {,\n}', options));
      expect(broken.line).toBe(3);
      expect(broken.message).toMatch(/^seed\.txt:3: not valid JSON/);
    });

    it('a truncated wrk report inside the journal, at its last line', () => {
      const seed = readTestdata('seed-000_cba8d662fb279400.txt').split('\n');
      // Drop "Requests/sec:" and "Transfer/sec:" of the first report (lines 27 and 28).
      const cut = [...seed.slice(0, 26), ...seed.slice(28)].join('\n');
      const error = caught(() => importText(cut, options));
      expect(error.line).toBe(26);
      expect(error.message).toBe('seed.txt:26: truncated wrk report (started at line 9): it ends here, without the "Transfer/sec:" line');
    });
  });

  it('reads a markdown file that starts with "[" as markdown', () => {
    const text = `[![CI](https://ci/badge.svg)](https://ci)\n\n## Run\n\n\`\`\`\n${readTestdata('wrk-readme.txt')}\`\`\`\n`;
    const result = importText(text, { fileName: 'README.md', importedAt: IMPORTED_AT });
    expect(result.format).toBe('markdown');
    expect(result.runs[0]?.title).toBe('Run');
  });
});
