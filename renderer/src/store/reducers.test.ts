import { describe, expect, it } from 'vitest';
import type { RunSampleEvent, RunStatus } from '../../../common/labApi.ts';
import type { RunHeader } from '../../../common/runHeader.ts';
import type { ServerTelemetrySample } from '../../../common/serverTelemetry.ts';
import { appendCapped, telemetryPoint, toggleSelection, withRunFailed, withRunFinished, withRunHistory, withRunSample, withRunStatus, withTelemetry } from './reducers.ts';
import { serverParams, serverPlan } from './serverPlan.ts';
import type { LiveRun } from './state.ts';

const params = { target: { kind: 'builtin' as const, path: '/' }, mode: 'rate' as const, threads: 1, connections: 1, durationMs: 1000, ratePerSec: 10, timeoutMs: 2000, method: 'GET', headers: [], body: '', keepAlive: true, insecure: false, connRate: null };
const running = (runId: string, startedAtMs = 1000): RunStatus => ({ state: 'running', runId, params, startedAtMs });
const idle: RunStatus = { state: 'idle', runId: null, params: null, startedAtMs: null };

function sample(runId: string, elapsedMs: number): RunSampleEvent {
  return {
    runId,
    elapsedMs,
    durationMs: 1000,
    point: { tMs: elapsedMs, requests: 10, errors: 0, bytes: 100, latencyUs: null },
    totalRequests: 10,
    totalErrors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0 },
    targetRatePerSec: 10,
    p99SoFarUs: null,
    histograms: null,
  };
}

function telemetry(epochMs: number): ServerTelemetrySample {
  return {
    seq: 0,
    model: 'event-loop',
    tMs: epochMs,
    epochMs,
    intervalMs: 1000,
    connections: { open: 1, accepted: 1, acceptedTotal: 1, waiting: 0 },
    requests: { served: 1, servedTotal: 1, inFlight: 0, rejected: 0, statusCounts: {} },
    queues: { depth: 0, depths: [] },
    queueWaitUs: null,
    serviceUs: null,
    histograms: { queueWaitUs: 'x', serviceUs: 'y' },
    handlers: { threads: 0, busy: 0, busyPeak: 0, threadsStarted: 0, threadsStartedTotal: 0, deaths: 0, deathsTotal: 0 },
    eventLoopDelayUs: { p50: 0, p99: 0, max: 0 },
    process: { cpuPct: 0, rssBytes: 0 },
  };
}

describe('run reducers', () => {
  it('a page that attaches during a run gets the samples from before it, merged with those since (issue 11: reload lost them)', () => {
    const attached = withRunSample(withRunStatus({ live: null }, running('a', 1000)).live, sample('a', 3000));
    const histograms = { correctedUs: 'H', uncorrectedUs: null };
    const history = {
      runId: 'a',
      samples: [sample('a', 1000), sample('a', 2000), { ...sample('a', 3000), histograms }],
      serverSamples: [{ ...telemetryPoint(telemetry(500)), runTMs: -500 }, { ...telemetryPoint(telemetry(1500)), runTMs: 500 }],
    };
    const merged = withRunHistory(attached, history);
    expect(merged?.samples.map((each) => each.point.tMs)).toEqual([1000, 2000, 3000]);
    expect(merged?.samples.every((each) => each.histograms === null)).toBe(true);
    expect(merged?.spectrum).toEqual(histograms);
    expect(merged?.serverSamples.map((point) => point.epochMs)).toEqual([1500]);
    // Samples that arrived after the history was read are kept after it.
    const later = withRunHistory(withRunSample(attached, sample('a', 4000)), history);
    expect(later?.samples.map((each) => each.point.tMs)).toEqual([1000, 2000, 3000, 4000]);
    // Another run's history changes nothing.
    expect(withRunHistory(attached, { ...history, runId: 'b' })).toBe(attached);
  });

  it('a new run id starts a fresh live view; the same id keeps its samples; idle keeps the last view', () => {
    const first = withRunStatus({ live: null }, running('a'));
    expect(first.live).toMatchObject({ runId: 'a', samples: [], outcome: { kind: 'running' } });
    const withSample = withRunSample(first.live, sample('a', 100));
    const stopping = withRunStatus({ live: withSample }, { ...running('a'), state: 'stopping' });
    expect(stopping.live?.samples).toHaveLength(1);
    const ended = withRunStatus({ live: stopping.live }, idle);
    expect(ended.run).toBe(idle);
    expect(ended.live).toBe(stopping.live);
    expect(withRunStatus({ live: ended.live }, running('b')).live?.samples).toEqual([]);
  });

  it('moves time zero to when the load threads were ready, dropping telemetry from before it', () => {
    const asked = withRunStatus({ live: null }, running('a', 1000));
    const early = withTelemetry({ telemetry: [], live: asked.live }, telemetry(1500));
    const later = withTelemetry(early, telemetry(2600));
    expect(later.live?.serverSamples.map((point) => point.epochMs)).toEqual([1500, 2600]);
    const ready = withRunStatus({ live: later.live }, running('a', 2100));
    expect(ready.live?.startedAtMs).toBe(2100);
    expect(ready.live?.serverSamples.map((point) => point.epochMs)).toEqual([2600]);
  });

  it('keeps only the latest histograms, not one copy per sample', () => {
    const live = withRunStatus({ live: null }, running('a')).live;
    const histograms = (id: string) => ({ correctedUs: `c${id}`, uncorrectedUs: null });
    const first = withRunSample(live, { ...sample('a', 1000), histograms: histograms('1') });
    const second = withRunSample(first, { ...sample('a', 2000), histograms: histograms('2') });
    expect(second?.spectrum).toEqual(histograms('2'));
    expect(second?.samples.map((kept) => kept.histograms)).toEqual([null, null]);
    expect(withRunSample(second, sample('a', 3000))?.spectrum).toEqual(histograms('2'));
  });

  it("another run's sample, finish or failure does not touch the live view", () => {
    const live = withRunStatus({ live: null }, running('a')).live;
    expect(withRunSample(live, sample('b', 100))).toBe(live);
    expect(withRunFinished(live, 'b', {} as RunHeader)).toBe(live);
    expect(withRunFailed(live, 'b', 'x')).toBe(live);
  });

  it('finished and failed set the outcome; a failure without a run id is the current run’s', () => {
    const live = withRunStatus({ live: null }, running('a')).live;
    const header = { id: 'a' } as RunHeader;
    expect(withRunFinished(live, 'a', header)?.outcome).toEqual({ kind: 'finished', header });
    expect(withRunFailed(live, null, 'boom')?.outcome).toEqual({ kind: 'failed', message: 'boom' });
    expect(withRunFailed(null, null, 'boom')).toBeNull();
  });
});

describe('telemetry', () => {
  it('keeps the last N, without histograms', () => {
    expect(appendCapped([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(appendCapped([], 1, 3)).toEqual([1]);
    expect('histograms' in telemetryPoint(telemetry(1))).toBe(false);
  });

  it('copies samples into a running live view against the built-in server, from its start', () => {
    const live = withRunStatus({ live: null }, running('a', 5000)).live;
    const before = withTelemetry({ telemetry: [], live }, telemetry(4000));
    expect(before.live?.serverSamples).toEqual([]);
    const after = withTelemetry(before, telemetry(6000));
    expect(after.live?.serverSamples.map((point) => point.epochMs)).toEqual([6000]);
    expect(after.telemetry).toHaveLength(2);
    const finished = withRunFinished(after.live, 'a', {} as RunHeader);
    expect(withTelemetry({ telemetry: [], live: finished }, telemetry(7000)).live?.serverSamples).toHaveLength(1);
  });

  it('not for a URL target', () => {
    const live: LiveRun | null = withRunStatus({ live: null }, { ...running('a'), params: { ...params, target: { kind: 'url', url: 'http://h/' } } }).live;
    expect(withTelemetry({ telemetry: [], live }, telemetry(6000)).live?.serverSamples).toEqual([]);
  });
});

describe('selection', () => {
  it('toggles, in pick order', () => {
    expect(toggleSelection(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('server plan', () => {
  const form = { model: 'pool-shared' as const, workers: '4', port: '0', keepAlive: true, closeSilently: false, tls: false };
  const status = (changes: object) => ({ state: 'running' as const, settings: { model: 'pool-shared' as const, workers: 4, keepAlive: true }, url: 'http://127.0.0.1:4000', error: null, ...changes });

  it('reads the form', () => {
    expect(serverParams(form)).toEqual({ ok: true, params: { model: 'pool-shared', workers: 4, port: 0, keepAlive: true, closeSilently: false, tls: false } });
    expect(serverParams({ ...form, tls: true })).toMatchObject({ ok: true, params: { tls: true } });
    expect(serverParams({ ...form, workers: '0' }).ok).toBe(false);
    expect(serverParams({ ...form, port: '70000' }).ok).toBe(false);
    expect(serverParams({ ...form, port: '' })).toMatchObject({ ok: true, params: { port: 0 } });
  });

  it.each([
    ['stopped: start', { state: 'stopped', settings: null, url: null }, form, 'start'],
    ['same settings, any port: use', {}, form, 'use'],
    ['another model: restart', { settings: { model: 'single', workers: 4, keepAlive: true } }, form, 'restart'],
    ['keep-alive differs: restart', { settings: { model: 'pool-shared', workers: 4, keepAlive: false } }, form, 'restart'],
    ['workers differ on a pool: restart', { settings: { model: 'pool-shared', workers: 8, keepAlive: true } }, form, 'restart'],
    ['workers differ on the event loop: use', { settings: { model: 'event-loop', workers: 8, keepAlive: true } }, { ...form, model: 'event-loop' as const }, 'use'],
    ['close-silently asked for: restart', {}, { ...form, closeSilently: true }, 'restart'],
    ['close-silently on both: use', { settings: { model: 'pool-shared', workers: 4, keepAlive: true, closeSilently: true } }, { ...form, closeSilently: true }, 'use'],
    ['another port asked for: restart', {}, { ...form, port: '7878' }, 'restart'],
    ['TLS asked for: restart', {}, { ...form, tls: true }, 'restart'],
    ['TLS on both: use', { settings: { model: 'pool-shared', workers: 4, keepAlive: true, tls: true }, url: 'https://127.0.0.1:4000' }, { ...form, tls: true }, 'use'],
    ['TLS running, plain asked for: restart', { settings: { model: 'pool-shared', workers: 4, keepAlive: true, tls: true } }, form, 'restart'],
    ['the port asked for: use', { url: 'http://127.0.0.1:7878' }, { ...form, port: '7878' }, 'use'],
  ] as const)('%s', (_name, changes, serverForm, plan) => {
    const parsed = serverParams(serverForm);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(serverPlan(status(changes), parsed.params)).toBe(plan);
  });
});
