// The lab's one sweep: plans the rates, runs each step through the run slot (so the live view of
// a step is the live view of a run, and every step is saved as a run), and saves the experiment
// entry at the end. At most one sweep, and no run beside it (the lab says 'busy').
import { errorMessage } from '../common/errorMessage.ts';
import type { z } from 'zod';
import { LabError, type SweepStatus, type SweepStepView, type SweepView, type sweepStartParamsSchema } from '../common/labApi.ts';
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { formatSlo, parseSlo, type Threshold } from '../common/slo.ts';
import { normaliseTags } from '../journal/store/journal.ts';
import { errorLimitOf, runSweep, type SweepResult } from '../experiments/sweep.ts';
import { geometricRates, listedRates } from '../experiments/sweepPlan.ts';
import { sweepExperiment } from '../experiments/sweepRecord.ts';
import { sweepStepView, sweepView } from '../experiments/stepView.ts';
import type { RunParams } from './runParams.ts';

export type SweepParams = z.output<typeof sweepStartParamsSchema>;

export interface SweepSlotDeps {
  /** Runs one run in the lab's run slot; resolves with its record once the slot is idle again. `save: false` for warm-up. */
  runStep(params: RunParams, save: boolean): Promise<MeasuredRunRecord>;
  /** Stops the run going now, if any (it is still measured and saved). */
  stopStep(): void;
  saveExperiment(record: ExperimentRecord): Promise<void>;
  /** A label for the target in titles ("event-loop", a URL). */
  targetLabel(params: SweepParams): string;
  status(status: SweepStatus): void;
  step(event: { sweepId: string; step: SweepStepView; plannedSteps: number }): void;
  finished(event: { sweepId: string; view: SweepView; saveError: string | null }): void;
  failed(event: { sweepId: string; message: string }): void;
}

interface ActiveSweep {
  sweepId: string;
  params: SweepParams;
  plannedRatesPerSec: number[];
  steps: SweepStepView[];
  current: SweepStatus['current'];
  stopRequested: boolean;
}

/** The planned rates; LabError 'bad-params' when they are not increasing or the range is empty. */
export function plannedRates(rates: SweepParams['rates']): number[] {
  try {
    return Array.isArray(rates) ? listedRates(rates) : geometricRates(rates.from, rates.to, rates.steps);
  } catch (error) {
    if (error instanceof RangeError) throw new LabError('bad-params', `sweep.start: rates: ${error.message}`);
    throw error;
  }
}

function sloOf(text: string | null): Threshold[] | null {
  if (text === null || text.trim() === '') return null;
  const slo = parseSlo(text);
  if (typeof slo === 'string') throw new LabError('bad-params', `sweep.start: slo: ${slo}`);
  return slo;
}

export class SweepSlot {
  private active: ActiveSweep | null = null;
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SweepSlotDeps) {}

  get status(): SweepStatus {
    const sweep = this.active;
    if (sweep === null) return { state: 'idle', sweepId: null, params: null, plannedRatesPerSec: [], steps: [], current: null };
    return {
      state: sweep.stopRequested ? 'stopping' : 'running',
      sweepId: sweep.sweepId,
      params: sweep.params,
      plannedRatesPerSec: sweep.plannedRatesPerSec,
      steps: sweep.steps.slice(),
      current: sweep.current,
    };
  }

  get going(): boolean {
    return this.active !== null;
  }

  /** Resolves when the current sweep (if any) has ended and its entry was saved or failed. */
  get done(): Promise<void> {
    return this.settled;
  }

  /** Starts a sweep; the caller has checked that no run is going. */
  start(params: SweepParams): SweepStatus {
    if (this.active !== null) throw new LabError('busy', `a sweep is already going (${this.active.sweepId}); stop it first`);
    const ratesPerSec = plannedRates(params.rates);
    const slo = sloOf(params.slo);
    const sweep: ActiveSweep = { sweepId: `sweep-${Date.now().toString(36)}`, params, plannedRatesPerSec: ratesPerSec, steps: [], current: null, stopRequested: false };
    this.active = sweep;
    this.settled = this.run(sweep, ratesPerSec, slo);
    this.deps.status(this.status);
    return this.status;
  }

  stop(): SweepStatus {
    const sweep = this.active;
    if (sweep !== null && !sweep.stopRequested) {
      sweep.stopRequested = true;
      this.deps.stopStep();
      this.deps.status(this.status);
    }
    return this.status;
  }

  private stepParams(sweep: ActiveSweep, title: string, ratePerSec: number, durationMs: number): RunParams {
    const { params } = sweep;
    return {
      target: params.target,
      mode: 'rate',
      threads: params.threads,
      connections: params.connections,
      durationMs,
      ratePerSec,
      timeoutMs: params.timeoutMs,
      method: 'GET',
      headers: [],
      body: '',
      keepAlive: params.keepAlive,
      // A sweep verifies certificates (the built-in TLS server's is trusted through its file).
      insecure: false,
      connRate: null,
      title: `${title} @ ${Math.round(ratePerSec)} req/s`,
      notes: '',
      tags: normaliseTags([...(params.tags ?? []), 'sweep']),
    };
  }

  private async run(sweep: ActiveSweep, ratesPerSec: number[], slo: Threshold[] | null): Promise<void> {
    const { params } = sweep;
    const title = params.title ?? `sweep ${this.deps.targetLabel(params)}`;
    let result: SweepResult<MeasuredRunRecord>;
    try {
      result = await runSweep<MeasuredRunRecord>(
        { ratesPerSec, refineSteps: params.refineSteps, slo, errorLimitPct: errorLimitOf(slo) },
        {
          runStep: async (rate) => {
            if (params.warmupMs !== null) {
              this.setCurrent(sweep, { ratePerSec: rate, phase: 'warmup' });
              await this.deps.runStep(this.stepParams(sweep, title, rate, params.warmupMs), false);
            }
            this.setCurrent(sweep, { ratePerSec: rate, phase: 'step' });
            return this.deps.runStep(this.stepParams(sweep, title, rate, params.stepDurationMs), true);
          },
          onStep: (step, plannedSteps) => {
            const view = sweepStepView(step);
            sweep.steps.push(view);
            sweep.current = null;
            this.deps.step({ sweepId: sweep.sweepId, step: view, plannedSteps });
          },
          stopRequested: () => sweep.stopRequested,
        },
      );
    } catch (error) {
      this.end(sweep);
      this.deps.failed({ sweepId: sweep.sweepId, message: errorMessage(error) });
      return;
    }
    const experiment = sweepExperiment(result, {
      title,
      notes: params.notes ?? '',
      tags: normaliseTags([...(params.tags ?? []), 'sweep']),
      plan: {
        url: this.deps.targetLabel(params),
        threads: params.threads,
        connections: params.connections,
        stepDurationMs: params.stepDurationMs,
        warmupMs: params.warmupMs,
        plannedRatesPerSec: ratesPerSec,
        refineSteps: params.refineSteps,
        slo: slo === null ? null : formatSlo(slo),
        errorLimitPct: errorLimitOf(slo),
      },
    });
    let saveError: string | null = null;
    try {
      await this.deps.saveExperiment(experiment);
    } catch (error) {
      saveError = errorMessage(error);
    }
    this.end(sweep);
    this.deps.finished({ sweepId: sweep.sweepId, view: sweepView(experiment, result, []), saveError });
  }

  private setCurrent(sweep: ActiveSweep, current: SweepStatus['current']): void {
    sweep.current = current;
    this.deps.status(this.status);
  }

  private end(sweep: ActiveSweep): void {
    if (this.active === sweep) this.active = null;
    this.deps.status(this.status);
  }
}
