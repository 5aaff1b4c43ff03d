import { describe, expect, it } from 'vitest';
import { benchThreadsFlag, benchWorkerThreads } from './prestartThreads.ts';

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

describe('benchWorkerThreads: the worker threads to start early (one per core, at most -t, or --workers)', () => {
  it.each([
    // argv, cores, worker threads
    [argv('bench', '-t12', 'http://h/'), 2, 2],
    [argv('bench', '-t12', 'http://h/'), 16, 12],
    [argv('bench', '-t1', 'http://h/'), 4, 1],
    [argv('bench', '-t12', '--workers', '12', 'http://h/'), 2, 12],
    [argv('bench', '-t12', '--workers=3', 'http://h/'), 2, 3],
    [argv('bench', '-t2', '--workers', '8', 'http://h/'), 2, 2], // more than -t: the run refuses it; start no more than -t
    [argv('bench', '-t12', '--workers', 'x', 'http://h/'), 2, null],
    [argv('bench', '--workers', '2', 'http://h/'), 2, null], // no -t: nothing early
  ])('%j on %i cores → %s', (args, cores, workers) => {
    expect(benchWorkerThreads(args, cores)).toBe(workers);
  });
});
