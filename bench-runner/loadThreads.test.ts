import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LoadThreadPool, type PoolWorker, type ThreadEvents } from './loadThreads.ts';
import type { WorkerToHost } from './messages.ts';

/** A thread stand-in: events are emitted by the test; ref state and termination are recorded. */
class FakeWorker extends EventEmitter implements PoolWorker {
  refs: Array<'ref' | 'unref'> = [];
  terminated = false;
  ref(): void {
    this.refs.push('ref');
  }
  unref(): void {
    this.refs.push('unref');
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}

function recorder(): { seen: string[]; handlers: ThreadEvents } {
  const seen: string[] = [];
  return {
    seen,
    handlers: {
      message: (message: WorkerToHost) => seen.push(`message ${message.type}`),
      error: (error: Error) => seen.push(`error ${error.message}`),
      exit: (code: number) => seen.push(`exit ${code}`),
    },
  };
}

describe('LoadThreadPool', () => {
  it('keeps what threads send before the run attaches and hands it over first, in order, then the rest as it comes', () => {
    const fakes: FakeWorker[] = [];
    const pool = new LoadThreadPool(2, () => {
      const fake = new FakeWorker();
      fakes.push(fake);
      return fake;
    }, false);
    fakes[1]?.emit('message', { type: 'ready' });
    fakes[0]?.emit('error', new Error('boom'));
    const { seen, handlers } = recorder();
    pool.attach(handlers);
    expect(seen).toEqual(['message ready', 'error boom']);
    fakes[0]?.emit('exit', 1);
    expect(seen).toEqual(['message ready', 'error boom', 'exit 1']);
  });

  it('does not hold the process up until a run attaches (prestarted threads of a command that never runs)', () => {
    const fakes: FakeWorker[] = [];
    const pool = new LoadThreadPool(3, () => {
      const fake = new FakeWorker();
      fakes.push(fake);
      return fake;
    }, false);
    expect(fakes.map((fake) => fake.refs)).toEqual([['unref'], ['unref'], ['unref']]);
    pool.attach(recorder().handlers);
    expect(fakes.map((fake) => fake.refs)).toEqual([['unref', 'ref'], ['unref', 'ref'], ['unref', 'ref']]);
    pool.terminate();
    expect(fakes.every((fake) => fake.terminated)).toBe(true);
  });
});
