// The lab's one run: start it, relay its samples, keep the built-in server's telemetry on the
// run's time axis, and hand the finished (or stopped) record to `onRecord` for the journal.
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import type { MeasuredRunRecord, ServerInfo, ServerSeriesPoint } from '../common/runRecord.ts';
import { LabError, type RunHistory, type RunSampleEvent, type RunStatus } from '../common/labApi.ts';
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { ConfigError, startRun, type RunHandle } from '../bench-runner/run.ts';
import { benchConfigFor, defaultRunTitle, type BuiltinTarget, type RunParams } from './runParams.ts';
import { errorMessage } from '../common/errorMessage.ts';

export interface RunSlotEvents {
  status(status: RunStatus): void;
  sample(sample: RunSampleEvent): void;
  /** The record is complete; the slot is idle again once this settles. */
  finished(record: MeasuredRunRecord): Promise<void>;
  failed(runId: string | null, message: string): void;
}

/**
 * How long a finished run against the built-in (or a launched) server waits for the telemetry
 * sample that covers its end. Samples come every second; on a loaded machine one can be late by
 * more than half a second (1.5 s left the runs' last second without server figures now and then).
 * It waits only until that sample arrives, so the usual wait stays under a second.
 */
const LAST_TELEMETRY_WAIT_MS = 3000;

interface ActiveRun {
  handle: RunHandle;
  /** Called with each telemetry sample; set while the finished run waits for its last one. */
  onServerSample: ((epochMs: number) => void) | null;
  runId: string;
  params: RunParams;
  startedAtMs: number;
  serverInfo: ServerInfo;
  serverSeries: ServerSeriesPoint[];
  /** A launched server's process points (epoch-timed; put on the run's axis at the end). */
  processSeries: ProcessTelemetryPoint[];
  /** The launched server's entry as the run ends (its log tail then). */
  finalServerInfo: (info: ServerInfo, runStartEpochMs: number) => ServerInfo;
  /** Every sample so far without histograms, and the latest histograms: sent to a UI that attaches late. */
  samples: RunSampleEvent[];
  latestHistograms: RunSampleEvent['histograms'];
}

export class RunSlot {
  private active: ActiveRun | null = null;
  private stopping = false;
  private settled: Promise<void> = Promise.resolve();

  constructor(private readonly events: RunSlotEvents) {}

  get status(): RunStatus {
    const run = this.active;
    if (run === null) return { state: 'idle', runId: null, params: null, startedAtMs: null };
    return { state: this.stopping ? 'stopping' : 'running', runId: run.runId, params: run.params, startedAtMs: run.startedAtMs };
  }

  /** The current run's samples so far (none when idle); the latest carries the histograms. */
  get history(): RunHistory {
    const run = this.active;
    if (run === null) return { runId: null, samples: [], serverSamples: [] };
    const samples = run.samples.slice();
    const last = samples.at(-1);
    if (last !== undefined) samples[samples.length - 1] = { ...last, histograms: run.latestHistograms };
    return {
      runId: run.runId,
      samples,
      serverSamples: run.serverSeries.filter((point) => point.epochMs >= run.startedAtMs),
      processSamples: run.processSeries.filter((point) => point.epochMs >= run.startedAtMs),
    };
  }

  /** Resolves when the current run (if any) has been saved or has failed. */
  get done(): Promise<void> {
    return this.settled;
  }

  start(params: RunParams, builtin: BuiltinTarget | null, serverInfo: ServerInfo, finalServerInfo: (info: ServerInfo, runStartEpochMs: number) => ServerInfo = (info) => info): RunStatus {
    if (this.active !== null) throw new LabError('busy', `a run is already ${this.stopping ? 'stopping' : 'going'} (${this.active.runId}); stop it first`);
    const config = benchConfigFor(params, builtin);
    const runId = `run-${Date.now().toString(36)}`;
    const startedAtMs = Date.now();
    let handle: RunHandle;
    try {
      handle = startRun(config, {
        server: serverInfo,
        liveHistograms: true,
        onSample: (sample) => {
          const event: RunSampleEvent = { runId, targetRatePerSec: config.ratePerSec, ...sample };
          if (this.active?.runId === runId) {
            this.active.samples.push({ ...event, histograms: null });
            this.active.latestHistograms = event.histograms ?? this.active.latestHistograms;
          }
          this.events.sample(event);
        },
        // Workers take a moment to start: time zero, for the UI and the telemetry, is when the schedule starts.
        onStart: (startEpochMs) => {
          if (this.active?.runId !== runId) return;
          this.active.startedAtMs = Math.trunc(startEpochMs); // as the record's startedAt (Date truncates)
          this.events.status(this.status);
        },
      });
    } catch (error) {
      if (error instanceof ConfigError) throw new LabError('bad-params', error.message);
      throw error;
    }
    const run: ActiveRun = { handle, onServerSample: null, runId, params, startedAtMs, serverInfo, serverSeries: [], processSeries: [], finalServerInfo, samples: [], latestHistograms: null };
    this.active = run;
    this.stopping = false;
    this.settled = this.finish(run);
    this.events.status(this.status);
    return this.status;
  }

  stop(): RunStatus {
    if (this.active !== null && !this.stopping) {
      this.stopping = true;
      this.active.handle.stop();
      this.events.status(this.status);
    }
    return this.status;
  }

  /** Built-in server telemetry; kept when a run against it is going. */
  onTelemetry(sample: ServerTelemetrySample): void {
    const run = this.active;
    if (run === null || run.serverInfo.kind !== 'builtin') return;
    run.serverSeries.push(serverSeriesPoint(sample, run.startedAtMs));
    run.onServerSample?.(sample.epochMs);
  }

  /** The launched server (process group `pid`) is gone: a run against it stops there (and is kept). */
  onLaunchedExit(pid: number): void {
    const run = this.active;
    if (run !== null && run.serverInfo.kind === 'launched' && run.serverInfo.pid === pid) this.stop();
  }

  /** True while a run against the launched server `pid` goes. */
  loads(pid: number): boolean {
    const run = this.active;
    return run !== null && run.serverInfo.kind === 'launched' && run.serverInfo.pid === pid;
  }

  /** A launched server's process telemetry; kept when a run against it is going. */
  onProcessTelemetry(point: ProcessTelemetryPoint): void {
    const run = this.active;
    if (run === null || run.serverInfo.kind !== 'launched') return;
    run.processSeries.push(point);
    run.onServerSample?.(point.epochMs);
  }

  /** The server samples once per interval: the one covering the run's last moments comes after the run ends. */
  private waitForTelemetryAfter(run: ActiveRun, endEpochMs: number): Promise<void> {
    const series = run.serverInfo.kind === 'builtin' ? run.serverSeries : run.serverInfo.kind === 'launched' ? run.processSeries : null;
    if (series === null || series.some((point) => point.epochMs >= endEpochMs)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, LAST_TELEMETRY_WAIT_MS);
      function done(): void {
        clearTimeout(timer);
        run.onServerSample = null;
        resolve();
      }
      run.onServerSample = (epochMs) => {
        if (epochMs >= endEpochMs) done();
      };
    });
  }

  private async finish(run: ActiveRun): Promise<void> {
    try {
      const measured = await run.handle.result;
      const startMs = Date.parse(measured.startedAt);
      const endMs = Date.parse(measured.finishedAt);
      await this.waitForTelemetryAfter(run, endMs);
      const record: MeasuredRunRecord = {
        ...measured,
        title: run.params.title ?? defaultRunTitle(run.params, run.serverInfo),
        notes: run.params.notes ?? '',
        tags: run.params.tags ?? [],
        ...(run.serverInfo.kind === 'builtin'
          ? { serverSeries: run.serverSeries.filter((point) => point.epochMs > startMs && point.epochMs - point.intervalMs < endMs).map((point) => ({ ...point, runTMs: point.epochMs - startMs })) }
          : {}),
        ...(run.serverInfo.kind === 'launched'
          ? {
              server: run.finalServerInfo(run.serverInfo, startMs),
              serverSeries: run.processSeries.filter((point) => point.epochMs > startMs && point.epochMs - point.intervalMs < endMs).map((point) => ({ ...point, runTMs: point.epochMs - startMs })),
            }
          : {}),
      };
      await this.events.finished(record);
    } catch (error) {
      this.events.failed(run.runId, errorMessage(error));
    } finally {
      this.active = null;
      this.stopping = false;
      this.events.status(this.status);
    }
  }
}

/** The sample without its interval histograms, on the run's time axis. */
function serverSeriesPoint(sample: ServerTelemetrySample, runStartMs: number): ServerSeriesPoint {
  return {
    seq: sample.seq,
    model: sample.model,
    tMs: sample.tMs,
    epochMs: sample.epochMs,
    intervalMs: sample.intervalMs,
    connections: sample.connections,
    requests: sample.requests,
    queues: sample.queues,
    queueWaitUs: sample.queueWaitUs,
    serviceUs: sample.serviceUs,
    handlers: sample.handlers,
    eventLoopDelayUs: sample.eventLoopDelayUs,
    process: sample.process,
    runTMs: sample.epochMs - runStartMs,
  };
}
