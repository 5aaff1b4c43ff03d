// Section 3: coordinated omission. nginx is frozen with SIGSTOP for 1 s starting 3 s into a 10 s
// run, then resumed: once under loadlab in rate mode (-R 1000, corrected and uncorrected latency)
// and once under wrk 4, which has no -R and so measures like a closed-loop (uncorrected) tool.
// wrk also runs once without the pause, as a baseline for its own figures.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownLatency, type LatencySummary } from '../common/runRecord.ts';
import type { NginxServer } from '../peers/nginx.ts';
import { waitForConnection } from './connections.ts';
import { startLoadlab, type LoadlabRun } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, latency, sleep } from './stats.ts';
import { runWrk, type WrkRun } from './wrkTool.ts';

const DURATION_S = 10;
const CONNECTIONS = 10;
const PAUSE_AT_MS = 3000;
const PAUSE_FOR_MS = 1000;
const TIMEOUT_MS = DURATION_S * 1000 + 30_000;
const COUNT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'wrkLatencyCount.lua');

/** What bench/wrkLatencyCount.lua printed: wrk's own latency sample count and sum. */
function latencySamples(stdout: string): { samples: number; sumS: number } | null {
  const match = /wrk-latency-samples: (\d+) sum-us: (\d+)/.exec(stdout);
  if (!match?.[1] || !match[2]) return null;
  return { samples: Number(match[1]), sumS: Number(match[2]) / 1e6 };
}

interface PauseTiming {
  /** Date.now() when the first connection was seen, and when SIGSTOP / SIGCONT were sent. */
  startedAt: number | null;
  pausedAt: number | null;
  resumedAt: number | null;
}

/** Freezes the server 3 s after the generator's first connection, for 1 s. */
async function pauseDuring(server: NginxServer, running: () => boolean): Promise<PauseTiming> {
  const timing: PauseTiming = { startedAt: null, pausedAt: null, resumedAt: null };
  timing.startedAt = await waitForConnection(server.port, 15_000, running);
  if (timing.startedAt === null) return timing;
  await sleep(Math.max(0, timing.startedAt + PAUSE_AT_MS - Date.now()));
  if (!running()) return timing;
  server.pause();
  timing.pausedAt = Date.now();
  try {
    await sleep(PAUSE_FOR_MS);
  } finally {
    server.resume();
    timing.resumedAt = Date.now();
  }
  return timing;
}

async function withPause<T>(server: NginxServer, run: Promise<T>): Promise<{ value: T; timing: PauseTiming }> {
  let finished = false;
  const tracked = run.finally(() => {
    finished = true;
  });
  const timing = pauseDuring(server, () => !finished);
  try {
    const value = await tracked;
    return { value, timing: await timing };
  } finally {
    await timing.catch(() => undefined);
    server.resume();
  }
}

function seconds(ms: number | null, from: number | null): string {
  return ms === null || from === null ? '–' : `${((ms - from) / 1000).toFixed(3)}s`;
}

/** Little's law: mean latency × throughput = mean requests in flight, at most the connections when latency runs from the actual send. */
function inFlight(meanUs: number, reqPerSec: number): string {
  return fixed((meanUs / 1e6) * reqPerSec, 2);
}

function loadlabRow(name: string, l: LatencySummary | null, reqPerSec: number, responses: number, errors: number, littles: boolean): string[] {
  if (!l) return [name, '–', '–', '–', '–', '–', String(responses), fixed(reqPerSec, 1), '–', String(errors)];
  return [name, latency(l.p50), latency(l.p90), latency(l.p99), latency(l.max), latency(l.mean), String(responses), fixed(reqPerSec, 1), littles ? inFlight(l.mean, reqPerSec) : 'n/a (includes queueing)', String(errors)];
}

function wrkRow(name: string, run: WrkRun): string[] {
  const w = run.report;
  const p = (percent: string): string => latency(w.percentilesUs[percent] ?? Number.NaN);
  return [name, p('50'), p('90'), p('99'), latency(w.latencyMaxUs), latency(w.latencyAvgUs), String(w.responses), fixed(w.reqPerSec, 1), inFlight(w.latencyAvgUs, w.reqPerSec), String(w.errors)];
}

export async function pauseSection(_options: BenchOptions, log: (line: string) => void): Promise<string> {
  let loadlab: { value: LoadlabRun; timing: PauseTiming } | undefined;
  let wrk: { value: WrkRun; timing: PauseTiming } | undefined;
  let wrkBaseline: WrkRun | undefined;
  let url = '';
  const wrkArgs = ['-t1', `-c${CONNECTIONS}`, `-d${DURATION_S}s`, '--latency'];
  await withNginx(async (server) => {
    url = server.url;
    log('pause: loadlab -R 1000, nginx paused');
    const loadlabArgs = ['-t1', `-c${CONNECTIONS}`, '-R', '1000', `-d${DURATION_S}s`, '--latency', '-U'];
    loadlab = await withPause(server, startLoadlab(loadlabArgs, server.url, GENERATOR_CPU, TIMEOUT_MS).done);
    await sleep(500);
    log('pause: wrk, nginx paused');
    wrk = await withPause(server, runWrk(wrkArgs, server.url, GENERATOR_CPU, TIMEOUT_MS));
    await sleep(500);
    log('pause: wrk baseline, no pause');
    wrkBaseline = await runWrk([...wrkArgs, '-s', COUNT_SCRIPT], server.url, GENERATOR_CPU, TIMEOUT_MS);
  });
  if (!loadlab || !wrk || !wrkBaseline) throw new Error('pause section did not run');

  const record = loadlab.value.record;
  const s = record.summary;
  const corrected = s.latencyUs;
  const recordStart = Date.parse(record.startedAt);
  const loadlabErrors = Object.values(s.errors).reduce((sum, n) => sum + n, 0);

  const out: string[] = [];
  out.push('## 3. Coordinated omission: nginx frozen (SIGSTOP) for 1 s, 3 s into a 10 s run\n');
  out.push('Commands (nginx core 0, generator core 1):\n');
  out.push(`- ${code(`taskset -c 1 ${loadlab.value.result.command.replace(url, 'URL')}`)}`);
  out.push(`- ${code(`taskset -c 1 ${wrk.value.result.command.replace(url, 'URL')}`)} (with the pause), then without the pause as a baseline: ${code(`taskset -c 1 ${wrkBaseline.result.command.replace(url, 'URL').replace(COUNT_SCRIPT, relative(process.cwd(), COUNT_SCRIPT))}`)} (the script only adds a \`done()\` that prints wrk's latency sample count)\n`);
  out.push("**Debian's wrk is wrk 4, which has no `-R`**: it runs closed-loop (as fast as its 10 connections go) and measures latency from the actual send, so it cannot see the requests it did not send during the stall. Its rows are an uncorrected reference, not a like-for-like wrk2 run.\n");
  out.push("The pause starts 3 s after the generator's first connection to nginx appears in /proc/net/tcp. Last column: mean latency × req/s (Little's law) = mean requests in flight, which cannot exceed the 10 connections when latency is timed from the actual send.\n");
  out.push(
    table(
      ['measurement', 'p50', 'p90', 'p99', 'max', 'mean', 'responses', 'req/s', 'mean × req/s (≤ 10)', 'errors'],
      [
        loadlabRow('loadlab -R 1000, corrected (paused)', knownLatency(corrected), s.reqPerSec, s.requests, loadlabErrors, false),
        loadlabRow('loadlab -R 1000, uncorrected (paused)', s.uncorrectedLatencyUs ? knownLatency(s.uncorrectedLatencyUs) : null, s.reqPerSec, s.requests, loadlabErrors, true),
        wrkRow('wrk 4, no -R (paused)', wrk.value),
        wrkRow('wrk 4, no -R (no pause, baseline)', wrkBaseline),
      ],
    ),
  );
  out.push(
    table(
      ['run', 'first connection → SIGSTOP', 'SIGSTOP → SIGCONT', 'loadlab record start → SIGSTOP', 'unsent', 'inFlightAtEnd'],
      [
        ['loadlab', seconds(loadlab.timing.pausedAt, loadlab.timing.startedAt), seconds(loadlab.timing.resumedAt, loadlab.timing.pausedAt), seconds(loadlab.timing.pausedAt, recordStart), String(s.unsent), String(s.inFlightAtEnd)],
        ['wrk', seconds(wrk.timing.pausedAt, wrk.timing.startedAt), seconds(wrk.timing.resumedAt, wrk.timing.pausedAt), '–', '–', '–'],
      ],
    ),
  );
  const counted = latencySamples(wrkBaseline.stdout);
  if (counted) {
    out.push(
      `wrk's own latency record (baseline run, from its Lua \`done()\`): ${counted.samples} samples for ${wrkBaseline.report.responses} responses, summing to ${counted.sumS.toFixed(1)} s of latency over ${CONNECTIONS} connections × ${DURATION_S} s = ${CONNECTIONS * DURATION_S} connection-seconds${counted.samples !== wrkBaseline.report.responses || counted.sumS > CONNECTIONS * DURATION_S * 1.05 ? ' — **inconsistent: wrk\'s latency figures here are not one sample per response and cannot be taken at face value**' : ' — consistent'}.\n`,
    );
  }
  const p99s = (corrected.p99 ?? Number.NaN) / 1e6;
  const uncorrectedP99 = s.uncorrectedLatencyUs?.p99 ?? Number.NaN;
  out.push(
    [
      'Expected: corrected p99 ≈ 0.9 s (10% of the intended sends fall in or wait out the 1 s stall, spread 0–1 s); uncorrected p99 and wrk\'s p99 small, their max ≈ 1 s.',
      `- loadlab corrected p99 = ${p99s.toFixed(3)} s: ${p99s >= 0.8 && p99s <= 1.0 ? '**as expected**' : '**not as expected**'}`,
      `- loadlab uncorrected p99 = ${latency(uncorrectedP99)}: ${uncorrectedP99 < 100_000 ? '**small, as expected**' : '**not small**'}`,
      `- wrk p99 = ${latency(wrk.value.report.percentilesUs['99'] ?? Number.NaN)} (baseline without pause: ${latency(wrkBaseline.report.percentilesUs['99'] ?? Number.NaN)})`,
      '',
    ].join('\n'),
  );
  return out.join('\n');
}
