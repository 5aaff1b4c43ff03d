import { describe, expect, it } from 'vitest';
import type { RunRecord } from './runRecord.ts';
import { compareGroups, formatGroupValue, type MetricKey, type RunGroup } from './compare.ts';
import { importedRecord } from './testing/simulatedRuns.ts';

interface Figures {
  reqPerSec?: number;
  p50?: number | null;
  p99?: number | null;
  max?: number | null;
  errors?: number;
}

/** A run with just the figures a case needs; the rest unknown (null). */
function run(figures: Figures): RunRecord {
  const base = importedRecord();
  return {
    ...base,
    summary: {
      ...base.summary,
      reqPerSec: figures.reqPerSec ?? 1000,
      latencyUs: { ...base.summary.latencyUs, p50: figures.p50 ?? null, p99: figures.p99 ?? null, max: figures.max ?? null },
      errors: { connect: 0, read: figures.errors ?? 0, write: 0, timeout: 0, status: 0 },
    },
  };
}

const group = (label: string, ...runs: Figures[]): RunGroup => ({ label, runs: runs.map(run) });

function changeOf(groups: RunGroup[], key: MetricKey, other = 0) {
  const metric = compareGroups(groups).metrics.find((m) => m.metric.key === key);
  const entry = metric?.others[other];
  if (!metric || !entry) throw new Error(`no ${key} comparison`);
  return { metric, ...entry };
}

describe('compareGroups: sentences', () => {
  it.each([
    // [case, metric, baseline runs, other runs, sentence]
    ['p99 2.1× worse, four runs a side apart', 'p99Us', [{ p99: 1000 }, { p99: 1100 }, { p99: 1050 }, { p99: 1020 }], [{ p99: 2200 }, { p99: 2300 }, { p99: 2250 }, { p99: 2210 }], /^p99 2\.2× worse, 95 % interval \+1\d\d % to \+1\d\d %$/],
    ['req/s 3% better, runs overlap', 'reqPerSec', [{ reqPerSec: 990 }, { reqPerSec: 1010 }, { reqPerSec: 1040 }, { reqPerSec: 970 }], [{ reqPerSec: 1000 }, { reqPerSec: 1060 }, { reqPerSec: 1045 }, { reqPerSec: 985 }], 'req/s 2.2% better, no difference detectable with 4 runs each'],
    ['req/s lower is worse', 'reqPerSec', [{ reqPerSec: 1000 }, { reqPerSec: 1010 }, { reqPerSec: 990 }, { reqPerSec: 1005 }], [{ reqPerSec: 400 }, { reqPerSec: 405 }, { reqPerSec: 398 }, { reqPerSec: 402 }], /^req\/s 2\.5× worse, 95 % interval −\d\d % to −\d\d %$/],
    ['two runs a side: too few to tell', 'p50Us', [{ p50: 1000 }, { p50: 1000 }], [{ p50: 600 }, { p50: 600 }], 'p50 40% better, too few runs for a verdict (2 and 2; 4 on each side can show a difference)'],
    ['under 10% keeps a decimal', 'maxUs', [{ max: 1000 }], [{ max: 1045 }], 'max 4.5% worse, spread unknown with a single run'],
    ['equal values are the same', 'p99Us', [{ p99: 1000 }, { p99: 1000 }, { p99: 1000 }, { p99: 1000 }], [{ p99: 1000 }, { p99: 1000 }, { p99: 1000 }, { p99: 1000 }], 'p99 same to within 1%, no difference detectable with 4 runs each'],
    ['within 1% is the same', 'reqPerSec', [{ reqPerSec: 1000 }], [{ reqPerSec: 1009 }], 'req/s same to within 1%, spread unknown with a single run'],
    ['single run on one side: spread unknown', 'p99Us', [{ p99: 1000 }, { p99: 1100 }], [{ p99: 3000 }], 'p99 2.9× worse, spread unknown with a single run'],
    ['unknown in the other group', 'p99Us', [{ p99: 1000 }], [{ p99: null }], 'p99 unknown in B'],
    ['unknown in the baseline', 'p99Us', [{ p99: null }], [{ p99: 1000 }], 'p99 unknown in A'],
    ['unknown in both', 'p99Us', [{ p99: null }], [{ p99: null }], 'p99 unknown in A and B'],
    ['errors 0 → 0 is the same, not 0/0', 'errors', [{ errors: 0 }, { errors: 0 }, { errors: 0 }, { errors: 0 }], [{ errors: 0 }, { errors: 0 }, { errors: 0 }, { errors: 0 }], 'errors same to within 1%, the baseline mean is 0, so a ratio has no meaning'],
    ['errors 0 → 5: no infinite ratio', 'errors', [{ errors: 0 }, { errors: 0 }], [{ errors: 5 }, { errors: 7 }], 'errors 0 → 6, worse, too few runs for a verdict (2 and 2; 4 on each side can show a difference)'],
    ['errors 5 → 0: no zero ratio factor', 'errors', [{ errors: 5 }], [{ errors: 0 }], 'errors 5 → 0, better, spread unknown with a single run'],
  ] as const)('%s', (_name, key, baseline, other, sentence) => {
    const said = changeOf([group('A', ...baseline), group('B', ...other)], key).change.sentence;
    if (typeof sentence === 'string') expect(said).toBe(sentence);
    else expect(said).toMatch(sentence);
  });
});

describe('compareGroups: figures', () => {
  it.each([
    // [case, runs' p99 values, median, min, max, known runs]
    ['odd count: the middle run', [3000, 1000, 2000], 2000, 1000, 3000, 3],
    ['even count: mean of the middle two', [1000, 4000, 2000, 3000], 2500, 1000, 4000, 4],
    ['unknown runs are left out, not counted as 0', [1000, null, 3000], 2000, 1000, 3000, 2],
    ['unknown in every run: null', [null, null], null, null, null, 0],
  ] as const)('%s', (_name, values, median, min, max, knownRuns) => {
    const { value } = changeOf([group('A', { p99: 1 }), group('B', ...values.map((p99) => ({ p99 })))], 'p99Us');
    expect(value).toEqual({ label: 'B', runs: values.length, knownRuns, median, min, max, lowerBound: false, values: values.filter((v) => v !== null) });
  });

  it.each([
    // [case, metric, baseline, other, ratio, direction]
    ['a higher rate is better', 'reqPerSec', { reqPerSec: 1000 }, { reqPerSec: 1500 }, 1.5, 'better'],
    ['higher latency is worse', 'p99Us', { p99: 1000 }, { p99: 1500 }, 1.5, 'worse'],
    ['0 → 0: ratio 1, same', 'errors', { errors: 0 }, { errors: 0 }, 1, 'same'],
    ['0 → 5: no ratio, worse', 'errors', { errors: 0 }, { errors: 5 }, null, 'worse'],
    ['5 → 0: ratio 0, better', 'errors', { errors: 5 }, { errors: 0 }, 0, 'better'],
    ['unknown: no ratio, no direction', 'p99Us', { p99: null }, { p99: 1000 }, null, null],
  ] as const)('%s', (_name, key, baseline, other, ratio, direction) => {
    const { change } = changeOf([group('A', baseline), group('B', other)], key);
    expect(change.ratio).toBe(ratio);
    expect(change.direction).toBe(direction);
    if (ratio !== null) expect(Number.isFinite(ratio)).toBe(true);
  });

  it.each([
    // [case, baseline p99s, other p99s, verdict]
    ['four runs apart, above', [1000, 1200, 1100, 1150], [1300, 1400, 1350, 1380], 'different'],
    ['four runs apart, below', [1000, 1200, 1100, 1150], [800, 900, 850, 870], 'different'],
    ['four runs overlapping', [1000, 1200, 1100, 1300], [1200, 1400, 1050, 1150], 'no-difference'],
    ['three runs a side: too few for 95 %', [1000, 1010, 1020], [2000, 2010, 2020], 'too-few-runs'],
    ['two runs, one of them unknown: a single known run', [1000, 1200], [1500, null], 'spread-unknown'],
  ] as const)('verdict: %s', (_name, baseline, other, verdict) => {
    const { change } = changeOf([group('A', ...baseline.map((p99) => ({ p99 }))), group('B', ...other.map((p99) => ({ p99 })))], 'p99Us');
    expect(change.verdict).toBe(verdict);
    expect(change.interval !== null).toBe(verdict === 'different');
  });

  it('compares every metric of every group against groups[0]', () => {
    const comparison = compareGroups([group('A', { p99: 1000 }), group('B', { p99: 2000 }), group('C', { p99: 500 })]);
    expect(comparison.baselineLabel).toBe('A');
    expect(comparison.metrics.map((m) => m.metric.label)).toEqual(['req/s', 'completion', 'mean', 'stdev', 'p50', 'p90', 'p99', 'p99.9', 'max', 'errors']);
    const p99 = comparison.metrics.find((m) => m.metric.key === 'p99Us');
    expect(p99?.others.map((o) => o.change.sentence)).toEqual([
      'p99 2× worse, spread unknown with a single run',
      'p99 2× better, spread unknown with a single run',
    ]);
  });

  it('refuses fewer than 2 groups and empty groups', () => {
    expect(() => compareGroups([group('A', {})])).toThrow(/at least 2 groups/);
    expect(() => compareGroups([group('A', {}), { label: 'B', runs: [] }])).toThrow(/"B" has no runs/);
  });
});

describe('compareGroups: completion', () => {
  const complete = (completion: number | null, p99: number, bounded = false): RunRecord => {
    const base = run({ p99 });
    const lowerBounds = bounded ? (['mean', 'p99', 'max'] as const) : ([] as const);
    return {
      ...base,
      summary: {
        ...base.summary,
        completion,
        latencyWithUnansweredUs: bounded ? { count: 2000, mean: p99, p50: 1, p75: 1, p90: 1, p99, p999: p99, p9999: p99, p99999: p99, max: p99, lowerBounds: [...lowerBounds] } : null,
      },
    };
  };

  // The single-threaded preset answered 5 of 2000; pool-shared all of them.
  it('refuses a latency verdict when completion differs by more than 1 point, and says why', () => {
    const groups = [
      { label: 'pool-shared', runs: [complete(1, 5000), complete(1, 5200)] },
      { label: 'single', runs: [complete(0.0025, 1_980_000, true), complete(0.0025, 1_990_000, true)] },
    ];
    const p99 = changeOf(groups, 'p99Us');
    expect(p99.change.verdict).toBe('completion-differs');
    expect(p99.change.direction).toBeNull();
    expect(p99.change.sentence).toBe(
      'p99 389× worse; no verdict: completion 100.0 % in pool-shared vs 0.25 % ⚠ in single differs by more than 1 point, so the latencies are of different sets of requests',
    );
    expect(p99.value.lowerBound).toBe(true);
    expect(formatGroupValue(p99.metric.metric, p99.value)).toBe('≥ 1.99 s');
    // Throughput and completion themselves still get their verdicts.
    expect(changeOf(groups, 'reqPerSec').change.verdict).toBe('too-few-runs');
    expect(changeOf(groups, 'completion').change.verdict).toBe('too-few-runs');
  });

  it('gives the verdict within 1 point, and when a completion is unknown (imported runs)', () => {
    const close = [
      { label: 'A', runs: [complete(1, 5000), complete(0.995, 5100)] },
      { label: 'B', runs: [complete(0.992, 9000), complete(1, 9100)] },
    ];
    expect(changeOf(close, 'p99Us').change.verdict).toBe('too-few-runs');
    const unknown = [
      { label: 'A', runs: [complete(null, 5000)] },
      { label: 'B', runs: [complete(0.5, 9000)] },
    ];
    expect(changeOf(unknown, 'p99Us').change.verdict).toBe('spread-unknown');
  });
});

describe('compareGroups: mean and stdev', () => {
  // The seed's wrk2 reports carry Avg/Stdev/Max only (1.10 ms, 1.49 ms, 46.49 ms): no percentiles.
  it('shows an imported wrk2 run by its mean, stdev and max', () => {
    const seedLike = (mean: number, stdev: number, max: number): RunRecord => {
      const base = run({ max });
      return { ...base, summary: { ...base.summary, latencyUs: { ...base.summary.latencyUs, mean, stdev, max } } };
    };
    const comparison = compareGroups([
      { label: 'A', runs: [seedLike(1100, 1490, 46_490)] },
      { label: 'B', runs: [seedLike(2200, 1500, 50_190)] },
    ]);
    const value = (key: MetricKey) => comparison.metrics.find((m) => m.metric.key === key);
    expect(value('meanUs')?.baseline.median).toBe(1100);
    expect(value('stdevUs')?.baseline.median).toBe(1490);
    expect(value('meanUs')?.others[0]?.change.sentence).toBe('mean 2× worse, spread unknown with a single run');
    expect(value('p50Us')?.baseline.median).toBeNull();
  });
});
