// The server thread's counters and histograms, turned into one sample per interval. Counters
// are cheap increments on the request path; everything else is read when a sample is taken.
import type { Socket } from 'node:net';
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import type { ServerModel, ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { createDurationHistogram, encodeDurations, recordDurationUs, summarizeDurations } from './histogram.ts';
import type { JobTiming } from './jobs.ts';
import type { ModelGauges } from './models/model.ts';

/** Event-loop delay sampling period; the monitor's readings include it, samples do not. */
const LOOP_RESOLUTION_MS = 10;

export class TelemetryRecorder {
  private seq = 0;
  private readonly startMs = performance.now();
  private lastSampleMs = this.startMs;
  private lastCpu = process.cpuUsage();
  private open = 0;
  private accepted = 0;
  private acceptedTotal = 0;
  private served = 0;
  private servedTotal = 0;
  private inFlight = 0;
  private rejected = 0;
  private statusCounts: Record<string, number> = {};
  private lastThreadsStarted = 0;
  private lastDeaths = 0;
  private readonly queueWait = createDurationHistogram();
  private readonly service = createDurationHistogram();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  constructor(private readonly model: ServerModel) {
    this.loopDelay.enable();
  }

  connectionAccepted(socket: Socket): void {
    this.accepted++;
    this.acceptedTotal++;
    this.open++;
    socket.once('close', () => this.open--);
  }

  requestStarted(): void {
    this.inFlight++;
  }

  /** A request left the server: answered with `status`, or dropped (null) when its connection closed. */
  requestEnded(status: number | null): void {
    this.inFlight--;
    if (status === null) return;
    this.served++;
    this.servedTotal++;
    this.countStatus(status);
  }

  /** A request refused before routing (parser error, timeout), answered with `status`. */
  requestRejected(status: number): void {
    this.rejected++;
    this.countStatus(status);
  }

  recordTiming(timing: JobTiming): void {
    recordDurationUs(this.queueWait, timing.queueWaitUs);
    recordDurationUs(this.service, timing.serviceUs);
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  get requestsServed(): number {
    return this.servedTotal;
  }

  /** Takes the sample of the interval that ends now and starts the next one. */
  sample(gauges: ModelGauges, waitingConnections: number): ServerTelemetrySample {
    const nowMs = performance.now();
    const intervalMs = nowMs - this.lastSampleMs;
    const cpu = process.cpuUsage(this.lastCpu);
    this.lastCpu = process.cpuUsage();
    const depth = gauges.queueDepths.reduce((sum, n) => sum + n, 0);
    const sample: ServerTelemetrySample = {
      seq: this.seq++,
      model: this.model,
      tMs: nowMs - this.startMs,
      epochMs: performance.timeOrigin + nowMs,
      intervalMs,
      connections: { open: this.open, accepted: this.accepted, acceptedTotal: this.acceptedTotal, waiting: waitingConnections },
      requests: { served: this.served, servedTotal: this.servedTotal, inFlight: this.inFlight, rejected: this.rejected, statusCounts: this.statusCounts },
      queues: { depth, depths: gauges.queueDepths },
      queueWaitUs: summarizeDurations(this.queueWait),
      serviceUs: summarizeDurations(this.service),
      histograms: { queueWaitUs: encodeDurations(this.queueWait), serviceUs: encodeDurations(this.service) },
      handlers: {
        threads: gauges.handlerThreads,
        busy: gauges.busy,
        busyPeak: gauges.busyPeak,
        threadsStarted: gauges.threadsStartedTotal - this.lastThreadsStarted,
        threadsStartedTotal: gauges.threadsStartedTotal,
        deaths: gauges.deathsTotal - this.lastDeaths,
        deathsTotal: gauges.deathsTotal,
      },
      eventLoopDelayUs: this.takeLoopDelay(),
      process: { cpuPct: intervalMs > 0 ? ((cpu.user + cpu.system) / 1000 / intervalMs) * 100 : 0, rssBytes: process.memoryUsage.rss() },
    };
    this.lastSampleMs = nowMs;
    this.accepted = 0;
    this.served = 0;
    this.rejected = 0;
    this.statusCounts = {};
    this.lastThreadsStarted = gauges.threadsStartedTotal;
    this.lastDeaths = gauges.deathsTotal;
    this.queueWait.reset();
    this.service.reset();
    return sample;
  }

  close(): void {
    this.loopDelay.disable();
  }

  private countStatus(status: number): void {
    const key = String(status);
    this.statusCounts[key] = (this.statusCounts[key] ?? 0) + 1;
  }

  private takeLoopDelay(): ServerTelemetrySample['eventLoopDelayUs'] {
    const beyondUs = (ns: number): number => Math.max(0, ns / 1000 - LOOP_RESOLUTION_MS * 1000);
    const reading =
      this.loopDelay.count === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: beyondUs(this.loopDelay.percentile(50)), p99: beyondUs(this.loopDelay.percentile(99)), max: beyondUs(this.loopDelay.max) };
    this.loopDelay.reset();
    return reading;
  }
}
