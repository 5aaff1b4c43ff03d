// The library API that lab/ and the CLI use: start a run from a validated config, get a
// sample per interval, stop it early, get the run record.
import { performance } from 'node:perf_hooks';
import { threadEntry } from '../threads/threadEntry.ts';
import type { ErrorCounts, MeasuredRunRecord, SeriesPoint, ServerInfo } from '../common/runRecord.ts';
import { encodeHistogram } from '../common/histogram.ts';
import { LiveTotals, RunAggregator } from './aggregator.ts';
import { startLoadThreads, takePrestartedThreads, type LoadThreadPool } from './loadThreads.ts';
import { benchConfigSchema, parseTargetUrl, type BenchConfig } from './config.ts';
import { planRun } from './jobs.ts';
import { scheduleStart } from './shard.ts';
import type { HostToWorker, TlsJob, WorkerToHost } from './messages.ts';
import { tlsJobFor } from './tlsJob.ts';
import { dealJobs, workerThreadCount } from './workerThreads.ts';
import { buildRunRecord } from './record.ts';
import { buildRequestBytes } from './request.ts';
import { errorMessage } from '../common/errorMessage.ts';
import { describeZodIssues } from '../common/zodIssues.ts';

/** Workers start this long after they are all ready, so every thread has the same start. */
const START_DELAY_MS = 20;

export interface LiveSample {
  point: SeriesPoint;
  elapsedMs: number;
  durationMs: number;
  /** Running totals since the start. */
  totalRequests: number;
  totalErrors: ErrorCounts;
  /** Answered / due so far, 0 to 1 (aggregator.ts LiveTotals); null in connection-rate mode. */
  completionSoFar: number | null;
  /** Corrected p99 of everything so far, µs; null before the first response. */
  p99SoFarUs: number | null;
  /** With `liveHistograms`: everything so far, compressed base64 (µs), for a live percentile spectrum. */
  histograms: { correctedUs: string; uncorrectedUs: string | null } | null;
}

export interface RunOptions {
  onSample?: (sample: LiveSample) => void;
  /** Put the cumulative histograms in each sample (a few KiB, encoded once per sample). */
  liveHistograms?: boolean;
  /** When every worker is ready and the schedule starts (epoch ms): the run's time zero. */
  onStart?: (startEpochMs: number) => void;
  server?: ServerInfo;
}

export interface RunHandle {
  /** Stops early; the record keeps what was measured until then. */
  stop(): void;
  readonly result: Promise<MeasuredRunRecord>;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

/** Validates untrusted input into a config; throws ConfigError listing every problem. */
export function validateConfig(input: unknown): BenchConfig {
  const parsed = benchConfigSchema.safeParse(input);
  if (!parsed.success) throw new ConfigError(describeZodIssues(parsed.error));
  return parsed.data;
}

/** Load threads start from built JavaScript (see threads/threadEntry.ts), one CommonJS file (electron.vite.config.ts). */
function loadThreadEntry(): Promise<URL> {
  return threadEntry(import.meta.url, 'worker/main.cjs');
}

export function startRun(input: BenchConfig, options: RunOptions = {}): RunHandle {
  const config = validateConfig(input);
  const target = parseTargetUrl(config.url);
  if (typeof target === 'string') throw new ConfigError([target]);
  const request = buildRequestBytes(config, target);

  let tls: TlsJob | null;
  try {
    tls = tlsJobFor(config, target);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
  const { jobs, plannedDurationMs } = planRun(config, target, request, Math.random, tls);
  const workerCount = workerThreadCount(config.threads, config.workerThreads);
  const workers: LoadThreadPool['workers'] = [];
  // Taken again when every worker is ready: the run's CPU, not the workers' start-up.
  let cpuAtStart = process.cpuUsage();

  let stopRequested = false;
  let started = false;
  const send = (message: HostToWorker): void => workers.forEach((worker) => worker.postMessage(message));

  const result = new Promise<MeasuredRunRecord>((resolve, reject) => {
    let ready = 0;
    let aggregate: RunAggregator | null = null;
    let startEpochMs = 0;
    let latenessMs: number | null = null;
    let settled = false;
    const liveTotals = new LiveTotals();

    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((worker) => worker.terminate())).then(() => {
        if (error || aggregate === null) {
          reject(error ?? new Error('run ended before it started'));
          return;
        }
        const record = buildRunRecord(
          config,
          aggregate,
          { startEpochMs, endEpochMs: aggregate.lastEndEpochMs, stoppedEarly: stopRequested, plannedDurationMs, cpu: process.cpuUsage(cpuAtStart), latenessMs },
          { server: options.server, requestBytes: request.length },
        );
        resolve(record);
      });
    };

    const onMessage = (message: WorkerToHost): void => {
      if (message.type === 'ready') {
        if (++ready < workers.length) return;
        // With a start instant (shards, --start-at) the schedule waits for it, or says how late it began.
        ({ startEpochMs, latenessMs } = scheduleStart(performance.timeOrigin + performance.now() + START_DELAY_MS, config.startAtEpochMs ?? null));
        cpuAtStart = process.cpuUsage();
        // One snapshot per interval from each of the run's threads, whichever worker carries it.
        aggregate = new RunAggregator(jobs.length, startEpochMs, config.ratePerSec !== null || config.connRate !== null);
        dealJobs(jobs, workers.length).forEach((dealt, i) => workers[i]?.postMessage({ type: 'start', jobs: dealt, startEpochMs } satisfies HostToWorker));
        started = true;
        options.onStart?.(startEpochMs);
        if (stopRequested) send({ type: 'stop' });
        return;
      }
      if (message.type === 'fatal') {
        finish(new Error(`load worker failed: ${message.message}`));
        return;
      }
      if (aggregate === null) return;
      const points = aggregate.add(message);
      if (options.onSample) {
        const p99 = aggregate.corrected.totalCount > 0 ? aggregate.corrected.getValueAtPercentile(99) : null;
        const histograms =
          options.liveHistograms === true && points.length > 0
            ? { correctedUs: encodeHistogram(aggregate.corrected), uncorrectedUs: aggregate.uncorrected === null ? null : encodeHistogram(aggregate.uncorrected) }
            : null;
        // One message may complete several intervals: each sample carries the totals up to its
        // own point, never the totals of the whole batch.
        for (const point of points) {
          const totals = liveTotals.add(point, aggregate.gaugesOf(point));
          options.onSample({
            point,
            elapsedMs: point.tMs,
            durationMs: plannedDurationMs,
            totalRequests: totals.requests,
            totalErrors: totals.errors,
            completionSoFar: totals.completion,
            p99SoFarUs: p99,
            histograms,
          });
        }
      }
      if (aggregate.finished) finish(null);
    };

    const adopt = (pool: LoadThreadPool): void => {
      workers.push(...pool.workers);
      pool.attach({
        message: onMessage,
        error: (error) => finish(error),
        exit: (code) => {
          if (code !== 0) finish(new Error(`load worker exited with code ${code}`));
        },
      });
    };
    // Threads the CLI started ahead of the run (loadThreads.ts), or new ones.
    const prestarted = takePrestartedThreads(workerCount);
    if (prestarted !== null) adopt(prestarted);
    else {
      loadThreadEntry().then(
        (entry) => adopt(startLoadThreads(entry, workerCount)),
        (error: unknown) => finish(new Error(`cannot prepare the load threads: ${errorMessage(error)}`)),
      );
    }
  });

  return {
    stop() {
      if (stopRequested) return;
      stopRequested = true;
      if (started) send({ type: 'stop' });
    },
    result,
  };
}
