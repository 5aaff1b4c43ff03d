import { describe, expect, it } from 'vitest';
import { hostLimitProblems, hostLimits, maxConnectionsFor, maxThreadsFor, parseOpenFilesLimit } from './limits.ts';

describe('maxThreadsFor', () => {
  it.each([
    [1, 16],
    [2, 16], // wrk's -t12 from the seed journal still runs on a 2-core laptop
    [4, 16],
    [8, 32],
    [64, 256],
  ])('%d cores: %d threads', (cores, expected) => {
    expect(maxThreadsFor(cores)).toBe(expected);
  });
});

describe('hostLimitProblems', () => {
  const twoCores = { cores: 2, openFiles: 1024 };

  it('accepts wrk -t12 -c400 on 2 cores with 1024 open files', () => {
    expect(hostLimitProblems({ threads: 12, connections: 400 }, twoCores)).toEqual([]);
  });

  it('refuses 256 threads on 2 cores, with the bound and the reason', () => {
    const problems = hostLimitProblems({ threads: 256, connections: 400 }, twoCores);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('threads');
    expect(problems[0]?.message).toMatch(/^256 is more than this machine can use: at most 16 \(4 per core on 2 cores, never fewer than 16 so wrk's -t12 still runs\)/);
  });

  it('refuses more connections than open files allow, keeping some for the process', () => {
    expect(hostLimitProblems({ threads: 2, connections: 768 }, twoCores)).toEqual([]);
    const problems = hostLimitProblems({ threads: 2, connections: 769 }, twoCores);
    expect(problems.map((problem) => problem.path)).toEqual(['connections']);
    expect(problems[0]?.message).toMatch(/^769 is more than the open-file limit allows: each connection is an open file, this process may open 1024 \(ulimit -n\) and keeps 256 for itself, so at most 768 /);
  });

  it('does not check connections when the limit is unknown, or in connection-rate mode', () => {
    expect(maxConnectionsFor(null)).toBeNull();
    expect(hostLimitProblems({ threads: 2, connections: 1_000_000 }, { cores: 2, openFiles: null })).toEqual([]);
    expect(hostLimitProblems({ threads: 2, connections: null }, twoCores)).toEqual([]);
  });
});

describe('parseOpenFilesLimit', () => {
  const limits = (soft: string, hard: string): string =>
    `Limit                     Soft Limit           Hard Limit           Units     \nMax processes             62844                62844                processes \nMax open files            ${soft.padEnd(20)} ${hard.padEnd(20)} files     \n`;

  it('reads the soft limit', () => {
    expect(parseOpenFilesLimit(limits('1024', '524288'))).toBe(1024);
  });

  it('unlimited or missing is unknown', () => {
    expect(parseOpenFilesLimit(limits('unlimited', 'unlimited'))).toBeNull();
    expect(parseOpenFilesLimit('')).toBeNull();
  });

  it('reads this process', () => {
    const host = hostLimits();
    expect(host.cores).toBeGreaterThanOrEqual(1);
    if (host.openFiles !== null) expect(host.openFiles).toBeGreaterThan(0);
  });
});
