import { describe, expect, it } from 'vitest';
import type { RunHeader } from '../../../common/runHeader.ts';
import { checkParams, maxRatePerConnection, type Finding } from './checks.ts';
import { defaultDraft, type LoadDraft } from './draft.ts';
import { estimateLatency } from './latencyEstimate.ts';
import { presetDraft, presets } from './presets.ts';
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

  it('shorter lengths by default', () => {
    const preset = presets[0];
    if (preset === undefined) throw new Error('no presets');
    expect(presetDraft(preset, 'quick').duration).toBe('5s');
    expect(presetDraft(preset, 'smoke').duration).toBe('2s');
  });
});
