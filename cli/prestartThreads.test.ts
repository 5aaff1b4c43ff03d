import { describe, expect, it } from 'vitest';
import { benchThreadsFlag } from './prestartThreads.ts';

const argv = (...args: string[]): string[] => ['node', 'loadlab.js', ...args];

describe('benchThreadsFlag: the thread count read ahead of commander, only when plain', () => {
  it.each([
    // argv, threads to start early
    [argv('bench', '-t12', 'http://h/'), 12],
    [argv('bench', '-t', '12', 'http://h/'), 12],
    [argv('bench', '--threads', '3', 'http://h/'), 3],
    [argv('bench', '--threads=4', 'http://h/'), 4],
    [argv('bench', '-c50', '-t2', '-t6', 'http://h/'), 6], // the last one wins, as in commander
    [argv('bench', 'http://h/'), null], // the default: nothing early
    [argv('bench', '-t', 'x', 'http://h/'), null],
    [argv('bench', '-t0', 'http://h/'), null],
    [argv('bench', '-t1000', 'http://h/'), null],
    [argv('bench', '-t'), null],
    [argv('bench', '--', '-t4'), null], // after -- it is an argument
    [argv('httperf', '-t4'), null],
    [argv('help', 'bench', '-t4'), null],
  ])('%j → %s', (args, threads) => {
    expect(benchThreadsFlag(args)).toBe(threads);
  });
});
