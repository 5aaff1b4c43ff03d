// The lab's one repeat (the Lab's Repeat box): the same run N times, or alternated across the
// built-in server's models (A B A B …; experiments/repeat.ts), each through the run slot (so the
// live view of a run is the live view, and every run is saved), then the entry of kind 'repeat'
// with the comparison. At most one repeat, and no run or sweep beside it (the lab says 'busy').
import type { z } from 'zod';
import type { RepeatExperimentRecord } from '../common/experimentRecord.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { LabError, type RepeatRunView, type RepeatStatus, type RepeatView, type repeatStartParamsSchema } from '../common/labApi.ts';
import { runHeaderOf } from '../common/runHeader.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import type { ServerModel } from '../common/serverTelemetry.ts';
import { runAlternating } from '../experiments/repeat.ts';
import { repeatExperiment, repeatView } from '../experiments/repeatView.ts';
import { normaliseTags } from '../journal/store/journal.ts';
import type { RunParams } from './runParams.ts';

export type RepeatParams = z.output<typeof repeatStartParamsSchema>;

export interface RepeatSlotDeps {
  /** Runs one run in the lab's run slot and saves it; resolves with its record once the slot is idle again. */
  runOne(params: RunParams): Promise<MeasuredRunRecord>;
  /** Stops the run going now, if any (it is still measured and saved). */
  stopRun(): void;
  /** Makes the built-in server run this model (restarted with its other settings kept) before a run. */
  useModel(model: ServerModel): Promise<void>;
  /** The built-in server's model now; null when it is not running. */
  builtinModel(): ServerModel | null;
  saveRepeat(record: RepeatExperimentRecord): Promise<void>;
  /** The target as titles show it ("built-in /", a URL). */
  targetLabel(params: RepeatParams): string;
  status(status: RepeatStatus): void;
  run(event: { repeatId: string; run: RepeatRunView }): void;
  finished(event: { repeatId: string; view: RepeatView; saveError: string | null }): void;
  failed(event: { repeatId: string; message: string }): void;
}

interface Configuration {
  label: string;
  /** The built-in model to run it on; null: the target as it is. */
  model: ServerModel | null;
}

interface ActiveRepeat {
  repeatId: string;
  params: RepeatParams;
  configurations: Configuration[];
  runs: RepeatRunView[];
  current: RepeatStatus['current'];
  stopRequested: boolean;
}

/** What alternates: the built-in models when two or more are given, else the one target as it is. */
export function configurationsOf(params: RepeatParams, builtinModel: ServerModel | null, targetLabel: string): Configuration[] {
  if (params.mode === 'conn-rate') throw new LabError('bad-params', 'repeat.start: repeats take rate or max mode runs, not connection rate');
  const models = [...new Set(params.models)];
  if (models.length >= 2) {
    if (params.target.kind !== 'builtin') throw new LabError('bad-params', 'repeat.start: models alternate on the built-in server; give it as the target, or no models');
    return models.map((model) => ({ label: model, model }));
  }
  const only = models[0] ?? null;
  if (only !== null && params.target.kind !== 'builtin') throw new LabError('bad-params', 'repeat.start: a model needs the built-in server as the target');
  const model = only ?? (params.target.kind === 'builtin' ? builtinModel : null);
  return [{ label: model ?? targetLabel, model: only }];
}

export class RepeatSlot {
  private active: ActiveRepeat | null = null;
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RepeatSlotDeps) {}

  get status(): RepeatStatus {
    const repeat = this.active;
    if (repeat === null) return { state: 'idle', repeatId: null, params: null, groups: [], total: 0, runs: [], current: null };
    return {
      state: repeat.stopRequested ? 'stopping' : 'running',
      repeatId: repeat.repeatId,
      params: repeat.params,
      groups: repeat.configurations.map((configuration) => configuration.label),
      total: repeat.params.repeats * repeat.configurations.length,
      runs: repeat.runs.slice(),
      current: repeat.current,
    };
  }

  get going(): boolean {
    return this.active !== null;
  }

  /** Resolves when the current repeat (if any) has ended and its entry was saved or failed. */
  get done(): Promise<void> {
    return this.settled;
  }

  /** Starts repeats; the caller has checked that no run or sweep is going. */
  start(params: RepeatParams): RepeatStatus {
    if (this.active !== null) throw new LabError('busy', `repeats are already going (${this.active.repeatId}); stop them first`);
    const configurations = configurationsOf(params, this.deps.builtinModel(), this.deps.targetLabel(params));
    const repeat: ActiveRepeat = { repeatId: `repeat-${Date.now().toString(36)}`, params, configurations, runs: [], current: null, stopRequested: false };
    this.active = repeat;
    this.settled = this.run(repeat);
    this.deps.status(this.status);
    return this.status;
  }

  stop(): RepeatStatus {
    const repeat = this.active;
    if (repeat !== null && !repeat.stopRequested) {
      repeat.stopRequested = true;
      this.deps.stopRun();
      this.deps.status(this.status);
    }
    return this.status;
  }

  private runParams(repeat: ActiveRepeat, title: string, configuration: Configuration, round: number): RunParams {
    // The repeat's own fields are not run params: each run is an ordinary run.
    const run: RunParams & Partial<Pick<RepeatParams, 'repeats' | 'models'>> = { ...repeat.params };
    delete run.repeats;
    delete run.models;
    const label = repeat.configurations.length > 1 ? ` · ${configuration.label}` : '';
    return { ...run, title: `${title}${label} · run ${round + 1}/${repeat.params.repeats}`, tags: normaliseTags([...(run.tags ?? []), 'repeat']) };
  }

  private async run(repeat: ActiveRepeat): Promise<void> {
    const { params } = repeat;
    const labels = repeat.configurations.map((configuration) => configuration.label);
    const title = params.title ?? (labels.length > 1 ? `repeat ${labels.join(' vs ')} on ${this.deps.targetLabel(params)}` : `repeat ${labels[0] ?? this.deps.targetLabel(params)}`);
    const measured: Array<{ record: MeasuredRunRecord; group: number }> = [];
    let stopped: boolean;
    try {
      const result = await runAlternating(repeat.configurations.map((configuration, group) => ({ configuration, group })), params.repeats, {
        runOne: async ({ configuration, group }, round, position) => {
          if (configuration.model !== null) await this.deps.useModel(configuration.model);
          repeat.current = { position, group };
          this.deps.status(this.status);
          const record = await this.deps.runOne(this.runParams(repeat, title, configuration, round));
          const view: RepeatRunView = { order: position, group, header: runHeaderOf(record) };
          measured.push({ record, group });
          repeat.runs.push(view);
          repeat.current = null;
          this.deps.run({ repeatId: repeat.repeatId, run: view });
          return record;
        },
        stopRequested: () => repeat.stopRequested,
      });
      stopped = result.stopped || repeat.stopRequested;
    } catch (error) {
      this.end(repeat);
      this.deps.failed({ repeatId: repeat.repeatId, message: errorMessage(error) });
      return;
    }
    // Alternation leaves the built-in server as the last model: put back the first (the server
    // panel's). A failure there is the server's to report (server.status); the runs are kept.
    const first = repeat.configurations[0]?.model ?? null;
    if (repeat.configurations.length > 1 && first !== null) await this.deps.useModel(first).catch(() => undefined);
    if (measured.length === 0) {
      this.end(repeat);
      this.deps.failed({ repeatId: repeat.repeatId, message: 'stopped before the first run ended: nothing to keep' });
      return;
    }
    const experiment = repeatExperiment(measured, {
      title,
      notes: params.notes ?? '',
      tags: normaliseTags([...(params.tags ?? []), 'repeat']),
      plan: { url: this.deps.targetLabel(params), mode: params.mode === 'max' ? 'max' : 'rate', repeats: params.repeats, groups: repeat.configurations.map((configuration) => configuration.label) },
      endedEarly: stopped && measured.length < params.repeats * repeat.configurations.length ? 'stopped' : null,
    });
    let saveError: string | null = null;
    try {
      await this.deps.saveRepeat(experiment);
    } catch (error) {
      saveError = errorMessage(error);
    }
    this.end(repeat);
    this.deps.finished({ repeatId: repeat.repeatId, view: repeatView(experiment, new Map(measured.map(({ record }) => [record.id, record]))), saveError });
  }

  private end(repeat: ActiveRepeat): void {
    if (this.active === repeat) this.active = null;
    this.deps.status(this.status);
  }
}
