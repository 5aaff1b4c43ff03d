// A finished sweep for tests, without a server: step records shaped like an M/M/1 queue of known
// capacity (p99 grows as 1/(1−utilisation); past capacity the rest goes unanswered), kept as the
// experiment document and its runs, as the journal holds them.
import type { ExperimentRecord } from '../../common/experimentRecord.ts';
import type { RunRecord, ServerInfo } from '../../common/runRecord.ts';
import { simulatedRecord } from '../../common/testing/simulatedRuns.ts';
import { findKnee, judgeStep } from '../knee.ts';
import type { SweepStep } from '../sweep.ts';
import { sweepExperiment } from '../sweepRecord.ts';
import { stepOutcome } from '../stepOutcome.ts';

const base = simulatedRecord({ ratePerSec: 100, durationMs: 1000 });
const STEP_MS = 10_000;

export interface SyntheticSweep {
  experiment: ExperimentRecord;
  runs: Map<string, RunRecord>;
}

export interface SyntheticSweepOptions {
  capacityPerSec: number;
  ratesPerSec: number[];
  /** Prefix of the run ids (and so of the experiment's id). */
  idPrefix: string;
  server?: ServerInfo;
  title?: string;
  startedAt?: string;
}

function stepRecord(id: string, targetPerSec: number, capacityPerSec: number, server: ServerInfo, startedAt: string): RunRecord {
  const achieved = Math.min(targetPerSec, capacityPerSec);
  const utilisation = Math.min(0.999, targetPerSec / capacityPerSec);
  const p99Us = Math.round(1000 / (1 - utilisation));
  const requests = Math.round((achieved * STEP_MS) / 1000);
  const scheduled = Math.round((targetPerSec * STEP_MS) / 1000);
  const unsent = scheduled - requests;
  const latency = { ...base.summary.latencyUs, p50: Math.round(p99Us / 4), p90: Math.round(p99Us / 2), p99: p99Us, p999: p99Us * 2 };
  return {
    ...base,
    id,
    title: `${id} @ ${targetPerSec} req/s`,
    startedAt,
    finishedAt: startedAt,
    server,
    load: { ...base.load, ratePerSec: targetPerSec, durationMs: STEP_MS },
    summary: {
      ...base.summary,
      requests,
      reqPerSec: achieved,
      latencyUs: latency,
      inFlightAtEnd: 0,
      unsent,
      scheduled,
      completion: requests / scheduled,
      unanswered: { count: unsent, failed: 0 },
      latencyWithUnansweredUs:
        unsent === 0 ? null : { ...latency, count: scheduled, lowerBounds: ['mean', 'p99', 'p999', 'p9999', 'p99999', 'max'] },
    },
  };
}

export function syntheticSweep(options: SyntheticSweepOptions): SyntheticSweep {
  const server = options.server ?? { kind: 'builtin', model: 'pool-shared', settings: { workers: 4 } };
  const startedAt = options.startedAt ?? '2026-12-07T01:00:00.000Z';
  const records = options.ratesPerSec.map((rate, i) => stepRecord(`${options.idPrefix}-${i + 1}`, rate, options.capacityPerSec, server, startedAt));
  const outcomes = records.map((record) => stepOutcome(record, null));
  const lowestP99Us = outcomes[0]?.p99Us ?? null;
  const steps: SweepStep[] = records.map((record, order) => {
    const outcome = outcomes[order];
    if (outcome === undefined) throw new RangeError('no outcome');
    return { order, kind: 'step', record, outcome, judgement: judgeStep(outcome, lowestP99Us, 1) };
  });
  const result = { steps, knee: findKnee(outcomes, 1), endedEarly: null };
  const experiment = sweepExperiment(result, {
    title: options.title ?? `sweep ${options.idPrefix}`,
    notes: '',
    tags: [],
    plan: { url: base.target.url, threads: 2, connections: 10, stepDurationMs: STEP_MS, warmupMs: null, plannedRatesPerSec: options.ratesPerSec, refineSteps: 0, slo: null, errorLimitPct: 1 },
  });
  return { experiment, runs: new Map(records.map((record) => [record.id, record])) };
}
