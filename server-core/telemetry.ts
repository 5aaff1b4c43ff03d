// The server thread's counters and histograms, turned into one sample per interval. The request
// path only increments counters (statuses too, in an array indexed by status) and stages its two
// durations (histogram.ts); everything else is built when a sample is taken.
import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ServerModel, ServerTelemetrySample } from '../common/serverTelemetry.ts';
import { DurationRecorder, encodeDurations, summarizeDurations } from './histogram.ts';
import type { JobTiming } from './jobs.ts';
import { LoopDelayMeter } from './loopDelay.ts';
import type { ModelGauges } from './models/model.ts';

/** Event-loop delay sampling period; samples report the delay beyond it. */
const LOOP_RESOLUTION_MS = 10;
/** node:http only sends status codes from 100 to 999. */
const STATUS_SLOTS = 1000;

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
  private abandoned = 0;
  private abandonedTotal = 0;
  /** Responses per status code in this interval; the codes seen in `statusesSeen`. */
  private readonly statusCounts = new Uint32Array(STATUS_SLOTS);
  private statusesSeen: number[] = [];
  private lastThreadsStarted = 0;
  private lastDeaths = 0;
  private readonly queueWait = new DurationRecorder();
  private readonly service = new DurationRecorder();
  private readonly threadStart = new DurationRecorder();
  /** TLS servers only. */
  private readonly tls: { handshakes: number; failures: number; durations: DurationRecorder } | null;
  private readonly loopDelay = new LoopDelayMeter(LOOP_RESOLUTION_MS);

  constructor(
    private readonly model: ServerModel,
    tls = false,
  ) {
    this.tls = tls ? { handshakes: 0, failures: 0, durations: new DurationRecorder() } : null;
    this.loopDelay.start();
  }

  tlsHandshake(durationUs: number): void {
    if (this.tls === null) return;
    this.tls.handshakes++;
    this.tls.durations.record(durationUs);
  }

  tlsFailed(): void {
    if (this.tls !== null) this.tls.failures++;
  }

  private takeTls(): ServerTelemetrySample['tls'] {
    if (this.tls === null) return undefined;
    const figures = { handshakes: this.tls.handshakes, failures: this.tls.failures, handshakeUs: summarizeDurations(this.tls.durations.read()) };
    this.tls.handshakes = 0;
    this.tls.failures = 0;
    this.tls.durations.reset();
    return figures;
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

  /** A job dropped before it started because its connection had closed. */
  jobAbandoned(): void {
    this.abandoned++;
    this.abandonedTotal++;
  }

  recordTiming(timing: JobTiming): void {
    this.queueWait.record(timing.queueWaitUs);
    this.service.record(timing.serviceUs);
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
    const queueWait = this.queueWait.read();
    const service = this.service.read();
    for (const startUs of gauges.threadStartsUs) this.threadStart.record(startUs);
    const threadsStarted = gauges.threadsStartedTotal - this.lastThreadsStarted;
    const sample: ServerTelemetrySample = {
      seq: this.seq++,
      model: this.model,
      tMs: nowMs - this.startMs,
      epochMs: performance.timeOrigin + nowMs,
      intervalMs,
      connections: { open: this.open, accepted: this.accepted, acceptedTotal: this.acceptedTotal, waiting: waitingConnections },
      requests: {
        served: this.served,
        servedTotal: this.servedTotal,
        inFlight: this.inFlight,
        rejected: this.rejected,
        statusCounts: this.takeStatusCounts(),
        abandoned: this.abandoned,
        abandonedTotal: this.abandonedTotal,
      },
      queues: { depth, depths: gauges.queueDepths },
      queueWaitUs: summarizeDurations(queueWait),
      serviceUs: summarizeDurations(service),
      histograms: { queueWaitUs: encodeDurations(queueWait), serviceUs: encodeDurations(service) },
      handlers: {
        threads: gauges.handlerThreads,
        busy: gauges.busy,
        busyPeak: gauges.busyPeak,
        threadsStarted,
        threadsStartedTotal: gauges.threadsStartedTotal,
        threadsStartedPerSec: intervalMs > 0 ? (threadsStarted * 1000) / intervalMs : 0,
        threadStartUs: summarizeDurations(this.threadStart.read()),
        deaths: gauges.deathsTotal - this.lastDeaths,
        deathsTotal: gauges.deathsTotal,
      },
      eventLoopDelayUs: this.loopDelay.take(),
      process: { cpuPct: intervalMs > 0 ? ((cpu.user + cpu.system) / 1000 / intervalMs) * 100 : 0, rssBytes: process.memoryUsage.rss(), cores: availableParallelism() },
    };
    const tls = this.takeTls();
    if (tls !== undefined) sample.tls = tls;
    this.lastSampleMs = nowMs;
    this.accepted = 0;
    this.served = 0;
    this.rejected = 0;
    this.abandoned = 0;
    this.lastThreadsStarted = gauges.threadsStartedTotal;
    this.lastDeaths = gauges.deathsTotal;
    this.queueWait.reset();
    this.service.reset();
    this.threadStart.reset();
    return sample;
  }

  close(): void {
    this.loopDelay.stop();
  }

  private countStatus(status: number): void {
    const slot = status >= 0 && status < STATUS_SLOTS ? status : 0;
    if (this.statusCounts[slot] === 0) this.statusesSeen.push(slot);
    this.statusCounts[slot] = (this.statusCounts[slot] ?? 0) + 1;
  }

  /** Status code → count for the interval that ends now (and starts the next one at zero). */
  private takeStatusCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const status of this.statusesSeen.sort((a, b) => a - b)) {
      counts[String(status)] = this.statusCounts[status] ?? 0;
      this.statusCounts[status] = 0;
    }
    this.statusesSeen = [];
    return counts;
  }
}
