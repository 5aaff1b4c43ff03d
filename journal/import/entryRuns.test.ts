import { describe, expect, it } from 'vitest';
import { importText } from './importText.ts';
import { IMPORTED_AT, importTestdata } from './testdataFiles.ts';

describe('runs of markdown journals', () => {
  it('one run per fenced report; blocks that are not reports stay in the notes, silently', () => {
    const { format, runs, warnings } = importTestdata('palantir-benches.md');
    expect(format).toBe('markdown');
    expect(warnings).toEqual([]);
    expect(runs.map((run) => [run.title, run.summary.reqPerSec, run.summary.latencyUs.p99])).toEqual([
      ['HTTP backend — wrk --latency -t4 -c500 -d30s http://localhost:8080/', 18_063.99, 311_950],
      ['HTTP backend — wrk --latency -t4 -c500 -d30s http://localhost:9065/', 17_050.49, 1_020_000],
      ['HTTPS Backend — wrk --latency -t4 -c500 -d30s http://localhost:8080/', 13_439.32, 69_000],
      ['HTTPS Backend — wrk --latency -t4 -c500 -d30s http://localhost:9091/', 1505.73, 1_860_000],
    ]);
    expect(runs[0]?.source?.text.split('\n')[0]).toBe('$ wrk --latency -t4 -c500 -d30s http://localhost:8080/');
    expect(runs[0]?.notes).toMatch(/^For benchmarks on a HTTP backend server/);
    expect(runs[0]?.notes).not.toMatch(/Running 30s test/);
    expect(runs[2]?.notes).toMatch(/^For benchmarks on a HTTPS backend server/);
    // Markdown without any report is not a journal to import.
    expect(() => importText('### Prerequisites\n\n```shell\nsudo apt update\n```\n', { fileName: 'p.md', importedAt: IMPORTED_AT })).toThrow(/^p\.md: no report found/);
  });

  it('same command twice under one heading: the paragraph line above each block, an ordinal when it repeats; a command-only block at the end is no run', () => {
    const pingap = importTestdata('pingap-benchmark.md').runs;
    expect(pingap.map((run) => run.title)).toEqual(['Nginx', 'Pingap', 'Nginx --> Nginx']);
    expect(pingap[0]?.source?.text.split('\n').slice(0, 3)).toEqual(["wrk 'http://127.0.0.1:6200/ping' --latency", '', 'Running 10s test @ http://127.0.0.1:6200/ping']);
    const axino = importTestdata('axino-nginx-node.md').runs;
    expect(axino.map((run) => run.title)).toEqual([
      'Bare hello-service #1',
      'NGINX reverse proxy for hello-service #2',
      'NodeJS http-proxy reverse proxy for hello-service #3',
      'Bare hello-service #4',
      'NGINX reverse proxy for hello-service #5',
      'NodeJS http-proxy reverse proxy for hello-service #6',
    ]);
    expect(axino[0]?.notes).toBe('Bare hello-service:\n\nNGINX reverse proxy for hello-service:\n\nNodeJS http-proxy reverse proxy for hello-service:\n\nWith 1 CPU given to docker machine:\n\nBare hello-service:\n\nNGINX reverse proxy for hello-service:\n\nNodeJS http-proxy reverse proxy for hello-service:');
    expect(axino[1]?.summary.errors).toEqual({ connect: 157, read: 362, write: 5, timeout: 0, status: 0 });
  });

  it('autocannon JSON in fences, the command inline in backticks before it', () => {
    const { runs } = importTestdata('watt-poc-readme.md');
    expect(runs.map((run) => [run.title, run.source?.tool, run.summary.requests, run.summary.latencyUs.p99, run.load.durationMs])).toEqual([
      ['TCP', 'autocannon', 9520, 8_010_000, 10_000],
      ['IPC', 'autocannon', 42_269, 617_000, 10_000],
    ]);
    expect(runs[0]?.source?.text.split('\n')[0]).toBe('npx autocannon -c 100 -d 10 -p 10 http://localhost:3043/tsfastify/tcp');
    expect(runs[0]?.notes).toBe('Service communicating through `TCP` => `npx autocannon -c 100 -d 10 -p 10 http://localhost:3043/tsfastify/tcp`');
  });

  it('a report in prose (no fences), its prompt-prefixed command kept as the title', () => {
    const [run] = importTestdata('async-micro-bench-threaded-sinatra.md').runs;
    expect(run?.source?.text.split('\n')[0]).toBe('➜  ~  httperf --hog --server localhost --port 8080 --uri / --num-conns=25 --num-calls=10000  --rate 1');
    expect(run?.notes).toBe('');
  });

  it('a truncated report stops the import, naming its line', () => {
    expect(() => importTestdata('godfat-bench-readme.md')).toThrow(/^godfat-bench-readme\.md:117: httperf report \(from line 98\) ends here without its "Errors: total" line/);
  });

  it('an indented README copy, the command in prose before it', () => {
    const [run] = importTestdata('wrk2-readme-basic.txt').runs;
    expect(run?.title).toBe('wrk -t2 -c100 -d30s -R2000 http://127.0.0.1:8080/index.html');
    expect(run?.source?.text.split('\n')[0]).toBe('    wrk -t2 -c100 -d30s -R2000 http://127.0.0.1:8080/index.html');
    expect(run?.source?.text.split('\n')[1]).toBe('    Running 30s test @ http://127.0.0.1:80/index.html');
    expect(run?.notes).toMatch(/^This runs a benchmark for 30 seconds/);
  });
});
