import { describe, expect, it } from 'vitest';
import type { RunSampleEvent } from '../common/labApi.ts';
import { EventHub } from './eventHub.ts';

function sample(elapsedMs: number): RunSampleEvent {
  return {
    runId: 'r',
    elapsedMs,
    durationMs: 10_000,
    point: { tMs: elapsedMs, requests: 1, errors: 0, bytes: 1, latencyUs: null },
    totalRequests: elapsedMs,
    totalErrors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 },
    targetRatePerSec: null,
    p99SoFarUs: null,
    histograms: null,
  };
}

describe('EventHub', () => {
  it('delivers at most maxPerSec a second, the newest payload of each kind', async () => {
    let nowMs = 0;
    const hub = new EventHub({ maxPerSec: 10, immediate: ['run.finished'], now: () => nowMs });
    const seen: number[] = [];
    hub.on('run.sample', (payload) => seen.push(payload.elapsedMs));
    for (let index = 0; index < 100; index += 1) hub.emit('run.sample', sample(index));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    nowMs = 1001;
    hub.flush();
    // Only the newest of the 90 waiting samples went out.
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    hub.close();
  });

  it('never delays or drops immediate kinds', () => {
    const hub = new EventHub({ maxPerSec: 1, immediate: ['run.failed'], now: () => 0 });
    const failures: string[] = [];
    hub.on('run.failed', (payload) => failures.push(payload.message));
    hub.emit('run.sample', sample(1));
    for (const message of ['a', 'b', 'c']) hub.emit('run.failed', { runId: null, message });
    expect(failures).toEqual(['a', 'b', 'c']);
    hub.close();
  });

  it('sends what waited once the budget frees up, on its own', async () => {
    const hub = new EventHub({ maxPerSec: 2, immediate: [] });
    const seen: number[] = [];
    hub.on('run.sample', (payload) => seen.push(payload.elapsedMs));
    hub.emit('run.sample', sample(1));
    hub.emit('run.sample', sample(2));
    hub.emit('run.sample', sample(3));
    expect(seen).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(seen).toEqual([1, 2, 3]);
    hub.close();
  });

  it('unsubscribes', () => {
    const hub = new EventHub({ maxPerSec: 10, immediate: [] });
    const seen: number[] = [];
    const off = hub.on('run.sample', (payload) => seen.push(payload.elapsedMs));
    hub.emit('run.sample', sample(1));
    off();
    hub.emit('run.sample', sample(2));
    expect(seen).toEqual([1]);
    hub.close();
  });
});
