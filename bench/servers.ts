// Section "servers" (issue 3): the built-in server's concurrency models under load, and the
// `event-loop` model against a bare node:http hello-world server.
//
// Every server is its own process pinned to core 0 (bench/serverProcess.ts), started afresh for
// every run and stopped after it; every generator is pinned to core 1. Each start gets a short
// warm-up on one connection (JIT) before the measured run. Per model and round:
//  1. Debian wrk, max mode: `wrk -t1 -c50 -dD --latency URL` → req/s and p99 (wrk's, from its
//     "Latency Distribution"); the server process's CPU per response from /proc/PID/stat.
//  2. loadlab at a fixed rate: `node bin/loadlab.js bench -t1 -c50 -R 1000 -dD --latency --json F URL`
//     → corrected and uncorrected p99 from the run record.
// `single` serves one connection at a time until it closes, so a keep-alive client starves every
// other connection: wrk gets `-H 'Connection: close'` and loadlab `--no-keep-alive` for it.
// Then event-loop versus bare: the same wrk command, servers alternating round by round (order
// rotated), with event-loop also run with --no-server-timing to show that header's cost.
import { totalErrors, type MeasuredRunRecord } from '../common/runRecord.ts';
import { startLoadlab } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, SERVER_CPU } from './server.ts';
import { bareServer, builtinServer, withServerProcess, type ServerProcess, type ServerProcessSpec } from './serverProcess.ts';
import { fixed, latency, median, rate, sleep } from './stats.ts';
import { runWrk, type WrkReport } from './wrkTool.ts';

const MODELS = ['single', 'thread-per-request', 'pool-shared', 'pool-per-worker', 'event-loop'] as const;
type Model = (typeof MODELS)[number];
const WORKERS = 4;
const CONNECTIONS = 50;
const FIXED_RATE = 1000;
const TARGET_VS_BARE = 0.9;
const MIN_RATIO_ROUNDS = 3;
const WARMUP = ['-t1', '-c1', '-d1s'] as const;

interface WrkResult {
  report: WrkReport;
  /** Server process CPU (all threads) per response during the measured run, µs. */
  serverCpuUs: number;
}

interface ModelRound {
  model: Model;
  round: number;
  wrk: WrkResult;
  record: MeasuredRunRecord;
}

interface RatioRun {
  label: string;
  round: number;
  wrk: WrkResult;
}

/** `single` needs a new connection per request, or the first keep-alive connection holds the server. */
function closeFlags(model: Model | null): { wrk: string[]; loadlab: string[] } {
  return model === 'single' ? { wrk: ['-H', 'Connection: close'], loadlab: ['--no-keep-alive'] } : { wrk: [], loadlab: [] };
}

function wrkArgs(durationS: number, model: Model | null): string[] {
  return ['-t1', `-c${CONNECTIONS}`, `-d${durationS}s`, '--latency', ...closeFlags(model).wrk];
}

function loadlabArgs(durationS: number, model: Model): string[] {
  return ['-t1', `-c${CONNECTIONS}`, '-R', String(FIXED_RATE), `-d${durationS}s`, '--latency', ...closeFlags(model).loadlab];
}

async function warmUp(server: ServerProcess, model: Model | null): Promise<void> {
  await runWrk([...WARMUP, ...closeFlags(model).wrk], server.url, GENERATOR_CPU, 30_000);
}

/** wrk against a fresh server: warm-up, then the measured run with the server's CPU read around it. */
async function measureWrk(spec: ServerProcessSpec, model: Model | null, durationS: number): Promise<WrkResult> {
  return withServerProcess(spec, SERVER_CPU, async (server) => {
    await warmUp(server, model);
    const before = await server.cpuS();
    const run = await runWrk(wrkArgs(durationS, model), server.url, GENERATOR_CPU, durationS * 1000 + 30_000);
    const after = await server.cpuS();
    const { responses } = run.report;
    return { report: run.report, serverCpuUs: responses > 0 ? ((after - before) * 1e6) / responses : Number.NaN };
  });
}

async function measureRate(spec: ServerProcessSpec, model: Model, durationS: number): Promise<MeasuredRunRecord> {
  return withServerProcess(spec, SERVER_CPU, async (server) => {
    await warmUp(server, model);
    const run = await startLoadlab(loadlabArgs(durationS, model), server.url, GENERATOR_CPU, durationS * 1000 + 30_000).done;
    return run.record;
  });
}

/** wrk's p99, or NaN when it recorded no latency at all (every request timed out). */
function wrkP99(report: WrkReport): number {
  return report.latencyMaxUs > 0 ? (report.percentilesUs['99'] ?? Number.NaN) : Number.NaN;
}

/** A p99 of the run record, or NaN when the run got no response at all. */
function recordP99(record: MeasuredRunRecord, which: 'corrected' | 'uncorrected'): number {
  const { summary } = record;
  if (summary.requests === 0) return Number.NaN;
  return (which === 'corrected' ? summary.latencyUs.p99 : summary.uncorrectedLatencyUs?.p99) ?? Number.NaN;
}

function recordErrors(record: MeasuredRunRecord): number {
  return totalErrors(record.summary.errors);
}

/** CPU µs per response: one decimal, thousands separated when a run got almost no responses. */
function cpuUs(value: number, digits: number): string {
  return value >= 10_000 ? rate(value) : fixed(value, digits);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function verdict(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'not measured';
  return ratio >= TARGET_VS_BARE ? `**met** (${ratio.toFixed(2)}× ≥ ${TARGET_VS_BARE}×)` : `**not met** (${ratio.toFixed(2)}× < ${TARGET_VS_BARE}×)`;
}

export async function serversSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const { durationS } = options;
  const modelRounds: ModelRound[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    // Rotated each round, so no model always runs first or right after the heaviest one.
    const order = MODELS.map((_, i) => MODELS[(i + round - 1) % MODELS.length] ?? 'event-loop');
    for (const model of order) {
      const spec = builtinServer(model, WORKERS);
      log(`servers round ${round}/${options.rounds}: ${model}, wrk max`);
      const wrk = await measureWrk(spec, model, durationS);
      await sleep(500);
      log(`servers round ${round}/${options.rounds}: ${model}, loadlab -R ${FIXED_RATE}`);
      const record = await measureRate(spec, model, durationS);
      await sleep(500);
      modelRounds.push({ model, round, wrk, record });
    }
  }

  const ratioSpecs: ServerProcessSpec[] = [builtinServer('event-loop', WORKERS), bareServer(), builtinServer('event-loop', WORKERS, ['--no-server-timing'])];
  const ratioRounds = Math.max(MIN_RATIO_ROUNDS, options.rounds);
  const ratioRuns: RatioRun[] = [];
  for (let round = 1; round <= ratioRounds; round++) {
    const order = ratioSpecs.map((_, i) => ratioSpecs[(i + round - 1) % ratioSpecs.length] ?? bareServer());
    for (const spec of order) {
      log(`event-loop vs bare round ${round}/${ratioRounds}: ${spec.label}`);
      ratioRuns.push({ label: spec.label, round, wrk: await measureWrk(spec, null, durationS) });
      await sleep(500);
    }
  }

  const out: string[] = [];
  out.push('## Servers (issue 3): the concurrency models, and event-loop against bare node:http\n');
  out.push(
    `Each server is its own process pinned to core 0, started afresh for every run (${code(`taskset -c 0 node bin/loadlab.js ${builtinServer('MODEL', WORKERS).args.join(' ')}`)}: listening on 127.0.0.1, on a port the system picks) and stopped after it; every generator is pinned to core 1. ` +
      `Before each measured run, a warm-up of ${code(`wrk ${WARMUP.join(' ')}`)} (one connection, not counted). ${options.rounds} rounds × ${durationS}s per run, model order rotated each round; figures are medians over the rounds. ` +
      `Server CPU = user+sys of the whole server process (all its threads) from /proc/PID/stat across the measured wrk run, per response. Commands (URL = the server):\n`,
  );
  out.push(`- max req/s: ${code(`taskset -c 1 wrk ${wrkArgs(durationS, null).join(' ')} URL`)}`);
  out.push(`- fixed rate: ${code(`taskset -c 1 node bin/loadlab.js bench ${loadlabArgs(durationS, 'event-loop').join(' ')} --json FILE URL`)}; corrected p99 = summary.latencyUs.p99 (from the intended send time), uncorrected = summary.uncorrectedLatencyUs.p99 (from the actual send)`);
  out.push(`- \`single\` only: wrk also gets ${code("-H 'Connection: close'")} and loadlab ${code('--no-keep-alive')} (a new connection per request). \`single\` serves one connection until it closes, so with keep-alive the first connection holds the server and the other 49 starve.\n`);
  out.push(
    table(
      ['model', 'wrk req/s (median)', 'wrk p99 (median)', 'wrk errors (all rounds)', 'server CPU µs / response', `loadlab -R ${FIXED_RATE}: achieved req/s`, 'corrected p99', 'uncorrected p99', 'loadlab errors (all rounds)'],
      MODELS.map((model) => {
        const mine = modelRounds.filter((r) => r.model === model);
        const keepAlive = model === 'single' ? ' (Connection: close)' : '';
        return [
          `${model}${keepAlive}`,
          rate(median(mine.map((r) => r.wrk.report.reqPerSec))),
          latency(median(mine.map((r) => wrkP99(r.wrk.report)))),
          String(sum(mine.map((r) => r.wrk.report.errors))),
          cpuUs(median(mine.map((r) => r.wrk.serverCpuUs)), 1),
          rate(median(mine.map((r) => r.record.summary.reqPerSec))),
          latency(median(mine.map((r) => recordP99(r.record, 'corrected')))),
          latency(median(mine.map((r) => recordP99(r.record, 'uncorrected')))),
          String(sum(mine.map((r) => recordErrors(r.record)))),
        ];
      }),
    ),
  );
  out.push(
    'A p99 of "–": no response to measure (wrk: every request it sent timed out or was still waiting at the end; loadlab: no response at all). Errors are wrk\'s socket errors (its 2 s timeouts included) and non-2xx responses; loadlab\'s are its connect, read, write, timeout (2 s) and status errors. The per-run table below also has the requests loadlab never sent (unsent) or had in flight at the end.\n',
  );

  const byLabel = (label: string): RatioRun[] => ratioRuns.filter((r) => r.label === label);
  const [eventLoop, bare, noTiming] = ratioSpecs.map((spec) => spec.label) as [string, string, string];
  const medianRps = (label: string): number => median(byLabel(label).map((r) => r.wrk.report.reqPerSec));
  const perRound = (label: string): number =>
    median(
      Array.from({ length: ratioRounds }, (_, i) => {
        const mine = ratioRuns.find((r) => r.label === label && r.round === i + 1)?.wrk.report.reqPerSec ?? Number.NaN;
        const base = ratioRuns.find((r) => r.label === bare && r.round === i + 1)?.wrk.report.reqPerSec ?? Number.NaN;
        return mine / base;
      }),
    );
  const ratio = medianRps(eventLoop) / medianRps(bare);
  out.push(`### event-loop against a bare node:http hello-world\n`);
  out.push(
    `Bare server: ${code(`taskset -c 0 node ${bareServer().script} ${bareServer().args.join(' ')}`)} (bench/helloServer.mjs: \`writeHead(200, {Content-Type, Content-Length})\` and \`end('hello\\n')\`, the same body as GET /). Same wrk command, ${ratioRounds} rounds, the three servers rotated each round. Target: event-loop ≥ ${TARGET_VS_BARE}× bare's req/s (on the ratio of medians). \`event-loop --no-server-timing\` leaves out the Server-Timing header (queue wait, service time, handler), which the default sends on every response.\n`,
  );
  out.push(
    table(
      ['server', 'median req/s', 'median p99', 'median server CPU µs / response', 'errors (all rounds)', 'ratio to bare (of medians)', 'median of per-round ratios'],
      [eventLoop, bare, noTiming].map((label) => {
        const mine = byLabel(label);
        return [
          label === bare ? label : `${label} (\`loadlab serve\`)`,
          rate(medianRps(label)),
          latency(median(mine.map((r) => wrkP99(r.wrk.report)))),
          cpuUs(median(mine.map((r) => r.wrk.serverCpuUs)), 2),
          String(sum(mine.map((r) => r.wrk.report.errors))),
          label === bare ? '1' : fixed(medianRps(label) / medianRps(bare), 3),
          label === bare ? '1' : fixed(perRound(label), 3),
        ];
      }),
    ),
  );
  out.push(`event-loop / bare: ${verdict(ratio)}.\n`);

  out.push('Per run:\n');
  out.push(
    table(
      ['round', 'model', 'wrk req/s', 'wrk p99', 'wrk errors', 'server CPU µs / resp', 'loadlab achieved req/s', 'corr p99', 'uncorr p99', 'unsent', 'in flight at end', 'loadlab errors'],
      modelRounds.map((r) => {
        const s = r.record.summary;
        return [
          String(r.round),
          r.model,
          rate(r.wrk.report.reqPerSec),
          latency(wrkP99(r.wrk.report)),
          String(r.wrk.report.errors),
          cpuUs(r.wrk.serverCpuUs, 1),
          fixed(s.reqPerSec, 1),
          latency(recordP99(r.record, 'corrected')),
          latency(recordP99(r.record, 'uncorrected')),
          String(s.unsent),
          String(s.inFlightAtEnd),
          String(recordErrors(r.record)),
        ];
      }),
    ),
  );
  out.push(
    table(
      ['round', 'server', 'req/s', 'p99', 'server CPU µs / resp', 'errors'],
      ratioRuns.map((r) => [String(r.round), r.label, rate(r.wrk.report.reqPerSec), latency(wrkP99(r.wrk.report)), cpuUs(r.wrk.serverCpuUs, 2), String(r.wrk.report.errors)]),
    ),
  );
  return out.join('\n');
}
