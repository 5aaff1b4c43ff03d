// How lab events change the state. Pure: old state and an event in, new state out.
import type { RunHistory, RunSampleEvent, RunStatus } from '../../../common/labApi.ts';
import type { RunHeader } from '../../../common/runHeader.ts';
import type { ServerTelemetrySample } from '../../../common/serverTelemetry.ts';
import { TELEMETRY_KEPT, type LabState, type LiveRun, type TelemetryPoint } from './state.ts';

/** The last `max` items after appending one. */
export function appendCapped<T>(items: readonly T[], item: T, max: number): T[] {
  const next = items.length >= max ? items.slice(items.length - max + 1) : items.slice();
  next.push(item);
  return next;
}

export function telemetryPoint(sample: ServerTelemetrySample): TelemetryPoint {
  const { seq, model, tMs, epochMs, intervalMs, connections, requests, queues, queueWaitUs, serviceUs, handlers, eventLoopDelayUs, process } = sample;
  return { seq, model, tMs, epochMs, intervalMs, connections, requests, queues, queueWaitUs, serviceUs, handlers, eventLoopDelayUs, process };
}

/**
 * A new run (another runId) starts a fresh live view; the same run updates its params; idle keeps
 * the last live view on screen with whatever outcome it reached.
 */
export function withRunStatus(state: Pick<LabState, 'live'>, status: RunStatus): Pick<LabState, 'run' | 'live'> {
  const live = state.live;
  if (status.state === 'idle') return { run: status, live };
  if (live === null || live.runId !== status.runId) {
    return { run: status, live: { runId: status.runId, params: status.params, startedAtMs: status.startedAtMs, samples: [], spectrum: null, serverSamples: [], outcome: { kind: 'running' } } };
  }
  // The run's time zero moves to when its load threads were ready: telemetry from before it is not the run's.
  const startedAtMs = status.startedAtMs;
  const serverSamples = startedAtMs === null ? live.serverSamples : live.serverSamples.filter((point) => point.epochMs >= startedAtMs);
  return { run: status, live: { ...live, params: status.params, startedAtMs, serverSamples } };
}

export function withRunSample(live: LiveRun | null, sample: RunSampleEvent): LiveRun | null {
  if (live === null || live.runId !== sample.runId) return live;
  // Each sample carries the histograms of the whole run so far: keep only the latest ones.
  return { ...live, samples: [...live.samples, { ...sample, histograms: null }], spectrum: sample.histograms ?? live.spectrum };
}

/**
 * The run's samples from before this page attached (`run.samples`), merged with any that arrived as
 * events meanwhile: the history first, then the events past its last interval.
 */
export function withRunHistory(live: LiveRun | null, history: RunHistory): LiveRun | null {
  if (live === null || history.runId === null || live.runId !== history.runId) return live;
  const lastTMs = history.samples.at(-1)?.point.tMs ?? -Infinity;
  const later = live.samples.filter((sample) => sample.point.tMs > lastTMs);
  const samples = [...history.samples.map((sample) => ({ ...sample, histograms: null })), ...later];
  const spectrum = later.length > 0 ? live.spectrum : (history.samples.at(-1)?.histograms ?? live.spectrum);
  const startedAtMs = live.startedAtMs;
  const historyServer = startedAtMs === null ? [] : history.serverSamples.filter((point) => point.epochMs >= startedAtMs).map(({ runTMs: _runTMs, ...point }) => point);
  const lastServerMs = historyServer.at(-1)?.epochMs ?? -Infinity;
  const serverSamples = [...historyServer, ...live.serverSamples.filter((point) => point.epochMs > lastServerMs)];
  return { ...live, samples, spectrum, serverSamples };
}

/** Server telemetry: the Lab view's recent window, and the live run's own copy while it goes. */
export function withTelemetry(state: Pick<LabState, 'telemetry' | 'live'>, sample: ServerTelemetrySample): Pick<LabState, 'telemetry' | 'live'> {
  const point = telemetryPoint(sample);
  const telemetry = appendCapped(state.telemetry, point, TELEMETRY_KEPT);
  const live = state.live;
  const during = live !== null && live.outcome.kind === 'running' && live.params?.target.kind === 'builtin' && live.startedAtMs !== null && point.epochMs >= live.startedAtMs;
  return { telemetry, live: during ? { ...live, serverSamples: [...live.serverSamples, point] } : live };
}

export function withRunFinished(live: LiveRun | null, runId: string, header: RunHeader): LiveRun | null {
  if (live === null || live.runId !== runId) return live;
  return { ...live, outcome: { kind: 'finished', header } };
}

export function withRunFailed(live: LiveRun | null, runId: string | null, message: string): LiveRun | null {
  if (live === null || (runId !== null && live.runId !== runId)) return live;
  return { ...live, outcome: { kind: 'failed', message } };
}

/** Picks a run (for comparing or exporting), or drops it when it was picked. */
export function toggleSelection(selection: readonly string[], id: string): string[] {
  return selection.includes(id) ? selection.filter((selected) => selected !== id) : [...selection, id];
}
