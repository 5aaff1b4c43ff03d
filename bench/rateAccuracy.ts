// Section 2: rate accuracy. `loadlab bench -t1 -c50 -R <rate> -d<d> --json f` at 1000 and 20000
// req/s, same pinning as the throughput test; achieved = summary.reqPerSec.
import { totalErrors, type MeasuredRunRecord } from '../common/runRecord.ts';
import { startLoadlab } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, latency, median, rate, signedPct, sleep } from './stats.ts';

const RATES = [1000, 20_000] as const;
const TOLERANCE_PCT = 1;

interface RateRun {
  target: number;
  round: number;
  record: MeasuredRunRecord;
  cpuS: number;
}

function errorPct(run: RateRun): number {
  return ((run.record.summary.reqPerSec - run.target) / run.target) * 100;
}

export async function rateAccuracySection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const runs: RateRun[] = [];
  let shown = '';
  await withNginx(async (server) => {
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of RATES) {
        log(`rate round ${round}/${options.rounds}: -R ${target}`);
        const args = ['-t1', '-c50', '-R', String(target), `-d${options.durationS}s`];
        const run = await startLoadlab(args, server.url, GENERATOR_CPU, options.durationS * 1000 + 30_000).done;
        shown = run.result.command.replace(server.url, 'URL').replace(`-R ${target}`, '-R RATE');
        runs.push({ target, round, record: run.record, cpuS: run.result.cpuS });
        await sleep(500);
      }
    }
  });

  const out: string[] = [];
  out.push('## 2. Rate accuracy (rate mode, 1 thread, 50 connections)\n');
  out.push(`Same pinning (nginx core 0, loadlab core 1). ${options.rounds} rounds × ${options.durationS}s per rate, rates alternating. Command: ${code(`taskset -c 1 ${shown}`)} with RATE = ${RATES.join(', ')}. Achieved = summary.reqPerSec; error = achieved / target − 1. Target: within ±${TOLERANCE_PCT}%. durationMs is the run's measured duration (the denominator of reqPerSec); R×d is what the schedule intended.\n`);
  out.push(
    table(
      ['target req/s', 'median achieved', 'median error', 'worst error', `rounds within ±${TOLERANCE_PCT}%`, 'verdict (median)'],
      RATES.map((target) => {
        const mine = runs.filter((r) => r.target === target);
        const errors = mine.map(errorPct);
        const medianError = median(errors);
        const worst = errors.reduce((w, e) => (Math.abs(e) > Math.abs(w) ? e : w), 0);
        const within = errors.filter((e) => Math.abs(e) <= TOLERANCE_PCT).length;
        const met = Math.abs(medianError) <= TOLERANCE_PCT ? '**met**' : '**not met**';
        return [rate(target), rate(median(mine.map((r) => r.record.summary.reqPerSec))), signedPct(medianError), signedPct(worst), `${within}/${mine.length}`, met];
      }),
    ),
  );
  out.push('Per run (latencies: corrected = from the intended send time, uncorrected = from the actual send):\n');
  out.push(
    table(
      ['target', 'round', 'achieved req/s', 'error', 'durationMs', 'responses', 'unsent', 'inFlightAtEnd', 'resp+unsent+inFlight / (R×d)', 'errors', 'corr p50', 'corr p99', 'uncorr p50', 'uncorr p99', 'CPU s'],
      runs.map((run) => {
        const s = run.record.summary;
        const intended = (run.target * run.record.load.durationMs) / 1000;
        return [
          rate(run.target),
          String(run.round),
          fixed(s.reqPerSec, 1),
          signedPct(errorPct(run)),
          fixed(s.durationMs, 1),
          String(s.requests),
          String(s.unsent),
          String(s.inFlightAtEnd),
          `${s.requests + s.unsent + s.inFlightAtEnd} / ${intended}`,
          String(totalErrors(run.record.summary.errors)),
          latency(s.latencyUs.p50 ?? Number.NaN),
          latency(s.latencyUs.p99 ?? Number.NaN),
          latency(s.uncorrectedLatencyUs?.p50 ?? Number.NaN),
          latency(s.uncorrectedLatencyUs?.p99 ?? Number.NaN),
          fixed(run.cpuS, 2),
        ];
      }),
    ),
  );
  return out.join('\n');
}
