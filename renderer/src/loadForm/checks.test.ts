import { describe, expect, it } from 'vitest';
import type { RunHeader } from '../../../common/runHeader.ts';
import { checkParams, maxRatePerConnection, threadPerRequestCapacity, type Finding } from './checks.ts';
import { defaultDraft, type LoadDraft } from './draft.ts';
import { estimateLatency } from './latencyEstimate.ts';
import { presetDraft, presets } from './presets.ts';
import { estimateThreadCapacity, type CapacitySample } from './threadCapacity.ts';
import { toRunParams, type RunParams } from './toRunParams.ts';

function params(changes: Partial<LoadDraft>): RunParams {
  const result = toRunParams({ ...defaultDraft, ...changes });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join());
  return result.params;
}

const oneMs = { us: 1000, source: 'test' };
const levels = (findings: Finding[]): string[] => findings.map((finding) => finding.level);

describe('checkParams', () => {
  it('one connection carries at most 1 s ÷ latency', () => {
    expect(maxRatePerConnection(1000)).toBe(1000);
    expect(maxRatePerConnection(250_000)).toBe(4);
    expect(maxRatePerConnection(0)).toBe(1_000_000);
  });

  it.each([
    // [case, form, latency µs, expected levels]
    ["the seed's -t12 -c400 -R1000 at 1 ms: fine", { threads: '12', connections: '400', rate: '1000', duration: '30s' }, 1000, []],
    ['-R1000 over 400 connections at 500 ms latency: 2.5/s each > 2/s', { threads: '12', connections: '400', rate: '1000', duration: '30s' }, 500_000, ['warn']],
    ['exactly at the ceiling is not flagged', { threads: '1', connections: '10', rate: '100', duration: '30s' }, 100_000, []],
    ['fewer connections than threads', { threads: '12', connections: '4', rate: '10', duration: '30s' }, 1000, ['block']],
    ['a sub-2 s run is sparse', { duration: '1s' }, 1000, ['info']],
    ['max mode has no rate to check', { mode: 'max', connections: '1', threads: '1', duration: '30s' }, 10_000_000, ['warn']],
  ] as const)('%s', (_name, form, latencyUs, expected) => {
    expect(levels(checkParams(params(form), { us: latencyUs, source: 'test' }))).toEqual(expected);
  });

  it('says how many connections the rate needs', () => {
    const [finding] = checkParams(params({ threads: '2', connections: '10', rate: '1000', duration: '30s' }), { us: 20_000, source: 'p50 of the last run' });
    expect(finding?.message).toMatch(/100 req\/s each, but one connection carries at most 1 s ÷ latency = 50 req\/s at 20(\.0)? ms \(p50 of the last run\)/);
    expect(finding?.message).toMatch(/at least 20 connections/);
  });

  it('connection-rate mode: how long it takes, num-conns against threads, the timeout', () => {
    const findings = checkParams(params({ mode: 'conn-rate', threads: '4', connRate: '10', numConns: '3', timeout: '1ms' }), oneMs);
    expect(levels(findings)).toEqual(['block', 'info']);
    expect(findings[1]?.message).toMatch(/3 connections at 10\/s: the run takes about 0\.3 s/);
    const slow = checkParams(params({ mode: 'conn-rate', threads: '1', connRate: '10', numConns: '1000', timeout: '1s' }), { us: 5_000_000, source: 't' });
    expect(slow.map((finding) => finding.message).join()).toMatch(/100 s.*timeout/);
  });

  it('thread per request: at most cores ÷ thread start time a second', () => {
    expect(threadPerRequestCapacity(2, 30_000)).toBeCloseTo(66.67, 1);
    expect(threadPerRequestCapacity(8, 1000)).toBe(8000);
    expect(threadPerRequestCapacity(1, 0)).toBe(1_000_000);
  });

  it('a rate above the capacity warns about the server, not the connections', () => {
    const seed = params({ threads: '12', connections: '400', rate: '1000', duration: '30s' });
    // 30 ms per request at the server would also break the per-connection ceiling (33/s each for 2.5/s asked): not said.
    const findings = checkParams(seed, { us: 30_000, source: 'test' }, { reqPerSec: 66.7, source: '2 cores ÷ 30 ms' });
    expect(levels(findings)).toEqual(['warn']);
    expect(findings[0]?.message).toMatch(/^1000 req\/s is more than the server can take on: about 66\.7 req\/s \(2 cores ÷ 30 ms\)\. The run will fall behind its schedule whatever the number of connections/);
    expect(findings[0]?.message).not.toMatch(/connections or a lower rate/);
    // Below the capacity: the usual checks.
    expect(checkParams(params({ threads: '2', connections: '10', rate: '50', duration: '30s' }), oneMs, { reqPerSec: 66.7, source: 't' })).toEqual([]);
  });

  it('connection-rate mode: too many open at once', () => {
    const findings = checkParams(params({ mode: 'conn-rate', connRate: '10k', numConns: '100k', timeout: '10s' }), { us: 200_000, source: 't' });
    expect(findings.map((finding) => finding.message).join()).toMatch(/About 2000 connections would be open at once/);
  });
});

const header = (changes: Partial<RunHeader>): RunHeader => ({
  id: 'r',
  title: '',
  tags: [],
  startedAt: null,
  importedAt: null,
  mode: 'rate',
  url: 'http://h/',
  method: 'GET',
  threads: 1,
  connections: 1,
  ratePerSec: 1,
  durationMs: 1000,
  serverModel: null,
  serverProfile: null,
  build: null,
  requests: 1,
  reqPerSec: 1,
  completion: null,
  unanswered: null,
  p50Us: null,
  p99Us: null,
  maxUs: null,
  latencyLowerBounds: [],
  errors: 0,
  stoppedEarly: false,
  sourceTool: null,
  hasNotes: false,
  notesStart: '',
  ...changes,
});

describe('estimateLatency', () => {
  const headers = [header({ serverModel: 'single', p50Us: null }), header({ serverModel: 'single', p50Us: 4000 }), header({ url: 'http://x/', p50Us: 900 })];

  it('the newest run against the same built-in model that has a p50', () => {
    expect(estimateLatency({ kind: 'builtin', path: '/' }, { builtinModel: 'single', headers, serverP50Us: 10 })).toEqual({ us: 4000, source: 'p50 of the last run against the single server' });
  });

  it('else the server’s own figures, else assumed', () => {
    expect(estimateLatency({ kind: 'builtin', path: '/' }, { builtinModel: 'event-loop', headers, serverP50Us: 80 }).us).toBe(80);
    expect(estimateLatency({ kind: 'builtin', path: '/' }, { builtinModel: null, headers, serverP50Us: null }).source).toMatch(/assumed/);
  });

  it('a URL target: the newest run against that URL', () => {
    expect(estimateLatency({ kind: 'url', url: 'http://x/' }, { builtinModel: null, headers, serverP50Us: null }).us).toBe(900);
    expect(estimateLatency({ kind: 'url', url: 'http://y/' }, { builtinModel: null, headers, serverP50Us: null }).source).toMatch(/assumed/);
  });
});

describe('estimateThreadCapacity', () => {
  const sample = (changes: Partial<CapacitySample> & { startP50Us?: number | null; cores?: number }): CapacitySample => ({
    model: changes.model ?? 'thread-per-request',
    handlers: { threadStartUs: changes.startP50Us == null ? null : { count: 5, mean: changes.startP50Us, p50: changes.startP50Us, p90: changes.startP50Us, p99: changes.startP50Us, max: changes.startP50Us } },
    process: { cores: changes.cores },
  });

  it('the newest start p50 of a thread-per-request server, times its cores', () => {
    const estimate = estimateThreadCapacity('thread-per-request', [sample({ startP50Us: 10_000, cores: 2 }), sample({ startP50Us: 40_000, cores: 2 }), sample({ startP50Us: null, cores: 2 })]);
    expect(estimate?.reqPerSec).toBe(50);
    expect(estimate?.source).toMatch(/^2 cores ÷ 40(\.0)? ms to start a thread/);
  });

  it('unknown (null) for other models, before any thread started, or without the core count of older servers', () => {
    expect(estimateThreadCapacity('pool-shared', [sample({ startP50Us: 10_000, cores: 2 })])).toBeNull();
    expect(estimateThreadCapacity('thread-per-request', [sample({ startP50Us: null, cores: 2 })])).toBeNull();
    expect(estimateThreadCapacity('thread-per-request', [sample({ startP50Us: 10_000 })])).toBeNull();
    expect(estimateThreadCapacity('thread-per-request', [sample({ model: 'pool-shared', startP50Us: 10_000, cores: 2 })])).toBeNull();
  });
});

describe('presets', () => {
  it('every preset at every length is a valid run', () => {
    for (const preset of presets) {
      for (const length of ['smoke', 'quick', 'journal'] as const) {
        const result = toRunParams({ ...defaultDraft, ...presetDraft(preset, length) });
        expect(result.ok, `${preset.id} ${length}`).toBe(true);
      }
    }
  });

  it("replays the seed's commands at the journal's length", () => {
    const models = presets.filter((preset) => preset.family === 'models');
    expect(models.map((preset) => preset.server.model)).toEqual(['single', 'thread-per-request', 'pool-shared', 'pool-per-worker', 'event-loop']);
    const first = models[0];
    if (first === undefined) throw new Error('no model presets');
    const wrk = params(presetDraft(first, 'journal'));
    expect(wrk).toMatchObject({ threads: 12, connections: 400, durationMs: 30_000, ratePerSec: 1000 });
    const httperf = presets.find((preset) => preset.family === 'httperf');
    expect(httperf && params(presetDraft(httperf, 'journal')).connRate).toEqual({ numConns: 1000, numCalls: 1, spacing: { kind: 'fixed', ratePerSec: 10 } });
    expect(presets.filter((preset) => preset.family === 'keep-alive').map((preset) => preset.server.keepAlive)).toEqual([false, true]);
  });

  it("follows the journal's servers: before entry 004 they closed silently after every response", () => {
    for (const preset of presets.filter((candidate) => candidate.family === 'models')) {
      expect(preset.server, preset.id).toMatchObject({ keepAlive: false, closeSilently: true });
      expect(preset.description, preset.id).toMatch(/without saying Connection: close.*read error/);
    }
    expect(presets.filter((preset) => preset.family === 'keep-alive').map((preset) => preset.server.closeSilently)).toEqual([true, false]);
    expect(presets.find((preset) => preset.id === 'models-thread-per-request')?.description).toMatch(/falls short of the journal's Rust server.*cores ÷ start time/);
  });

  it('shorter lengths by default', () => {
    const preset = presets[0];
    if (preset === undefined) throw new Error('no presets');
    expect(presetDraft(preset, 'quick').duration).toBe('5s');
    expect(presetDraft(preset, 'smoke').duration).toBe('2s');
  });
});
