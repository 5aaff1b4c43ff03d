import { describe, expect, it } from 'vitest';
import { inlineCommands, readCommand, readFlags, tokenize } from './commandLine.ts';

describe('tokenize', () => {
  it('splits like a shell, quotes grouping', () => {
    expect(tokenize(`wrk -H "Connection: close" 'http://x/?a=1&b=2'  -d30s`)).toEqual(['wrk', '-H', 'Connection: close', 'http://x/?a=1&b=2', '-d30s']);
    expect(tokenize('a\\ b "c \\"d\\"" \'\'')).toEqual(['a b', 'c "d"', '']);
  });
});

describe('readCommand', () => {
  // Each as it appears in testdata/ (see SOURCES.md).
  it.each([
    ['wrk -t12 -c400 -d30s -R1000 http://localhost:7878/', 'wrk'],
    ['$ wrk -t8 -c200 --latency http://127.0.0.1:8080', 'wrk'],
    ["wrk 'http://127.0.0.1:6200/ping' --latency", 'wrk'],
    ['    wrk -t2 -c100 -d30s -R2000 --latency http://127.0.0.1:80/index.html', 'wrk'],
    ['wrk2/wrk -d5 -c1000 -t250 -R 10000000 "http://localhost:8085/multiply?a=2&b=3"', 'wrk2'],
    ['../wrk2/wrk -c 1 -d 60s -t 1 -R 500 -L http://localhost:19234', 'wrk2'],
    ['chris@chris-VirtualBox:~/dev/tmp$ wrk -d 1 -c 1 -t 1 http://localhost:8000', 'wrk'],
    ['➜  ~  httperf --hog --server localhost --port 8080 --uri / --num-conns=25 --num-calls=10000  --rate 1', 'httperf'],
    ['httperf --server localhost --port 7878 --num-conns 1000 --rate 10', 'httperf'],
    ['npx autocannon -c 100 -d 10 -p 10 http://localhost:3043/tsfastify/tcp', 'autocannon'],
    ['loadlab bench -t 2 -R 100 http://127.0.0.1:8080/', 'loadlab-bench'],
    ['$> httperf --hog --server localhost --port 8000 --num-conns 20 --rate 100000 --num-calls 5000', 'httperf'],
  ])('%s', (line, tool) => {
    expect(readCommand(line)?.tool).toBe(tool);
  });

  it('strips the prompt and keeps the arguments', () => {
    const command = readCommand('$ wrk --latency -t4 -c500 -d30s http://localhost:8080/');
    expect(command?.text).toBe('wrk --latency -t4 -c500 -d30s http://localhost:8080/');
    expect(command?.args).toEqual(['--latency', '-t4', '-c500', '-d30s', 'http://localhost:8080/']);
  });

  it.each(['httperf', 'wrk', 'Running 30s test @ http://localhost:7878/', 'thread_pool3', 'sudo apt install nginx', 'loadlab serve', ''])('is not a command: %j', (line) => {
    expect(readCommand(line)).toBeNull();
  });
});

describe('inlineCommands', () => {
  it('finds commands in code spans only', () => {
    const line = 'Service communicating through `TCP` => `npx autocannon -c 100 -d 10 -p 10 http://localhost:3043/tsfastify/tcp`';
    expect(inlineCommands(line).map((command) => command.tool)).toEqual(['autocannon']);
    expect(inlineCommands('run wrk -t2 http://x/ and see')).toEqual([]);
  });
});

describe('readFlags', () => {
  it('reads attached, separate and = values, and booleans', () => {
    const { flags, positional } = readFlags(['-t12', '-c', '400', '--duration=30s', '--latency', 'http://x/', '-L'], new Set(['--latency', '-L']));
    expect(flags).toEqual([['-t', '12'], ['-c', '400'], ['--duration', '30s'], ['--latency', ''], ['-L', '']]);
    expect(positional).toEqual(['http://x/']);
  });
});
