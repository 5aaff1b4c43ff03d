// Section 4: connection rate (httperf's model). What is the highest rate of new connections
// (one request each) that loadlab sustains, and what does Debian's httperf sustain on the same
// machine? Same nginx (1 worker, core 0, listen backlog 4096), generators on core 1. Each tool
// climbs a ladder of rates, 2.5 s of schedule per rung, and the tools alternate at every rung.
// httperf runs twice: with the flags loadlab gets, and with --hog (its own ports), which httperf's
// manual recommends for high rates. --hog has no effect in loadlab, so loadlab runs once.
// Both reports have httperf's layout and are read by the same parser (peers/httperfOutput.ts).
// "Sustained" means: exit 0, no errors of any kind, every connection answered, and the
// report's "Connection rate" (connections / test duration) within 1% of the target.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseHttperfOutput, type HttperfFigures } from '../peers/httperfOutput.ts';
import type { NginxServer } from '../peers/nginx.ts';
import { findProgram } from '../peers/programs.ts';
import { code, table } from './markdown.ts';
import { commandLine, startPinned } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { maxOf } from '../common/extent.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, median, rate, signedPct, sleep } from './stats.ts';

const RATES = [500, 1000, 2000, 3000, 4000, 5000, 6000, 8000, 10_000, 12_000, 16_000] as const;
const SCHEDULE_S = 2.5;
const TOLERANCE_PCT = 1;
const CLIENT_TIMEOUT_S = 5;
/** nginx's default backlog (511) fills in 64 ms at 8,000 conn/s; a stall that long is common here. */
const NGINX_BACKLOG = 4096;
/** A tool stops climbing after this many failed rungs in a row. */
const FAILURES_TO_STOP = 2;
/** A run that has not ended this long after its schedule is killed and counts as failed. */
const KILL_AFTER_MS = SCHEDULE_S * 1000 + 2 * CLIENT_TIMEOUT_S * 1000 + 2000;

type ConnTool = 'loadlab' | 'httperf' | 'httperf-hog';
const TOOLS: readonly ConnTool[] = ['loadlab', 'httperf', 'httperf-hog'];
const TOOL_LABEL: Record<ConnTool, string> = { loadlab: 'loadlab httperf', httperf: 'httperf', 'httperf-hog': 'httperf --hog' };

interface Attempt {
  tool: ConnTool;
  round: number;
  target: number;
  figures: HttperfFigures | null;
  /** Why it did not count as sustained; null when it did. */
  failure: string | null;
  /** user + sys of the whole process by /usr/bin/time (loadlab's includes its start-up). */
  processCpuS: number;
  /** IPv4 sockets in TIME_WAIT just before the run (left by earlier runs; they last 60 s). */
  timeWaitBefore: number;
}

/** IPv4 TCP sockets in TIME_WAIT (state 06 in /proc/net/tcp); NaN when it cannot be read. */
export async function timeWaitSockets(): Promise<number> {
  try {
    const text = await readFile('/proc/net/tcp', 'utf8');
    return text.split('\n').filter((line) => line.trim().split(/\s+/)[3] === '06').length;
  } catch {
    return Number.NaN;
  }
}

function flagsFor(tool: ConnTool, port: number, target: number): string[] {
  const flags = ['--server', '127.0.0.1', '--port', String(port), '--rate', String(target), '--num-conns', String(Math.round(target * SCHEDULE_S)), '--num-calls', '1', '--timeout', String(CLIENT_TIMEOUT_S)];
  return tool === 'httperf-hog' ? [...flags, '--hog'] : flags;
}

function commandFor(tool: ConnTool, flags: string[]): { program: string; args: string[]; shown: string } {
  if (tool === 'loadlab') {
    const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;
    return { program: process.execPath, args: [bin, 'httperf', ...flags], shown: commandLine('node', [relative(process.cwd(), bin), 'httperf', ...flags]) };
  }
  return { program: findProgram('httperf', 'httperf'), args: flags, shown: commandLine('httperf', flags) };
}

/** Why a run did not sustain `target` (errors, missing replies, rate off by more than 1 %); null when it did. */
export function judge(figures: HttperfFigures, target: number): string | null {
  const problems: string[] = [];
  if (figures.errors.total > 0) {
    const kinds = Object.entries(figures.errors).filter(([kind, count]) => kind !== 'total' && count > 0);
    problems.push(`errors ${kinds.map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  }
  if (figures.replies !== figures.connections) problems.push(`${figures.replies}/${figures.connections} replies`);
  const errorPct = (figures.connRatePerSec / target - 1) * 100;
  if (Math.abs(errorPct) > TOLERANCE_PCT) problems.push(`rate ${signedPct(errorPct)}`);
  return problems.length > 0 ? problems.join('; ') : null;
}

async function attempt(tool: ConnTool, round: number, target: number, server: NginxServer): Promise<Attempt & { shown: string }> {
  const { program, args, shown } = commandFor(tool, flagsFor(tool, server.port, target));
  const timeWaitBefore = await timeWaitSockets();
  const measured = await startPinned({ program, args, cpu: GENERATOR_CPU, timeoutMs: KILL_AFTER_MS }).done;
  const base = { tool, round, target, shown, processCpuS: measured.userS + measured.sysS, timeWaitBefore };
  if (measured.timedOut) return { ...base, figures: null, failure: `killed after ${KILL_AFTER_MS / 1000} s` };
  if (measured.exitCode !== 0) return { ...base, figures: null, failure: `exit ${String(measured.exitCode)}: ${measured.stderr.trim().split('\n')[0] ?? ''}` };
  let figures: HttperfFigures;
  try {
    figures = parseHttperfOutput(measured.stdout);
  } catch {
    return { ...base, figures: null, failure: 'no report' };
  }
  return { ...base, figures, failure: judge(figures, target) };
}

/** The highest target the tool sustained in a round (0 when none). */
function highestSustained(attempts: readonly Attempt[], tool: ConnTool, round: number): number {
  return maxOf(attempts.filter((a) => a.tool === tool && a.round === round && a.failure === null).map((a) => a.target), 0);
}

export async function connRateSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const attempts: Attempt[] = [];
  const shown = new Map<ConnTool, string>();
  await withNginx(async (server) => {
    for (let round = 1; round <= options.rounds; round++) {
      const failuresInARow = new Map<ConnTool, number>(TOOLS.map((tool) => [tool, 0]));
      for (const [rung, target] of RATES.entries()) {
        const climbing = TOOLS.filter((tool) => (failuresInARow.get(tool) ?? 0) < FAILURES_TO_STOP);
        if (climbing.length === 0) break;
        // Alternate: rotate the order at every rung and every round.
        const order = climbing.map((_, i) => climbing[(i + rung + round) % climbing.length] ?? 'loadlab');
        for (const tool of order) {
          log(`connrate round ${round}/${options.rounds}: ${TOOL_LABEL[tool]} at ${target} conn/s`);
          const result = await attempt(tool, round, target, server);
          shown.set(tool, result.shown.replace(String(server.port), 'PORT').replace(`--rate ${target}`, '--rate RATE').replace(`--num-conns ${Math.round(target * SCHEDULE_S)}`, '--num-conns RATE×2.5'));
          attempts.push(result);
          failuresInARow.set(tool, result.failure === null ? 0 : (failuresInARow.get(tool) ?? 0) + 1);
          if (result.failure !== null) log(`  not sustained: ${result.failure}`);
          // Let the client's TIME_WAIT sockets and nginx settle between runs.
          await sleep(1500);
        }
      }
    }
  }, { backlog: NGINX_BACKLOG });

  const highest = (tool: ConnTool): number[] => Array.from({ length: options.rounds }, (_, i) => highestSustained(attempts, tool, i + 1));
  const medianHighest = (tool: ConnTool): number => median(highest(tool));
  const bestHttperf: ConnTool = medianHighest('httperf-hog') > medianHighest('httperf') ? 'httperf-hog' : 'httperf';
  const ratio = medianHighest('loadlab') / medianHighest(bestHttperf);

  const out: string[] = [];
  out.push('## 4. Connection rate (httperf model: a new connection per request)\n');
  out.push(
    `nginx: 1 worker pinned to core 0, \`listen … backlog=${NGINX_BACKLOG}\`. Generators pinned to core 1 (\`taskset -c ${GENERATOR_CPU}\`). ` +
      `Each tool climbs the ladder ${RATES.map((r) => rate(r)).join(', ')} conn/s with ${SCHEDULE_S} s of schedule per rung (num-conns = rate × ${SCHEDULE_S}), one request per connection, ` +
      `and stops after ${FAILURES_TO_STOP} failed rungs in a row. The tools alternate at every rung (order rotated), with 1.5 s between runs. ${options.rounds} rounds. ` +
      `**Sustained** = exit 0, no errors of any kind, every connection answered, and the report's "Connection rate" (connections / test-duration, the same figure in both reports, read by the same parser) within ±${TOLERANCE_PCT}% of the target. ` +
      'Both tools catch up on a late schedule by opening connections in bursts, so the rate only misses when a tool falls behind for good. "Maximum connect burst length" and the mean connect time show how far behind it was on the way. ' +
      `CPU µs/conn is the tool's own "CPU time" line (the run, without start-up) over connections. Commands (PORT = nginx's port):\n`,
  );
  for (const tool of TOOLS) out.push(`- ${code(`taskset -c ${GENERATOR_CPU} ${shown.get(tool) ?? TOOL_LABEL[tool]}`)}`);
  out.push('');
  out.push(
    table(
      ['tool', 'highest sustained conn/s (median of rounds)', 'per round', 'loadlab / this tool'],
      TOOLS.map((tool) => [
        TOOL_LABEL[tool],
        rate(medianHighest(tool)),
        highest(tool).map((r) => rate(r)).join(', '),
        fixed(medianHighest('loadlab') / medianHighest(tool), 2),
      ]),
    ),
  );
  out.push(`loadlab / httperf in its better configuration here (${TOOL_LABEL[bestHttperf]}): **${fixed(ratio, 2)}** on the median highest sustained rate.\n`);
  out.push('Per rung (medians over the rounds that reached the rung):\n');
  const rows: string[][] = [];
  for (const target of RATES) {
    for (const tool of TOOLS) {
      const mine = attempts.filter((a) => a.tool === tool && a.target === target);
      if (mine.length === 0) continue;
      const reported = mine.flatMap((a) => (a.figures ? [a.figures] : []));
      const sustained = mine.filter((a) => a.failure === null).length;
      const failures = [...new Set(mine.flatMap((a) => (a.failure === null ? [] : [a.failure.replace(/\d+/g, 'N')])))];
      rows.push([
        rate(target),
        TOOL_LABEL[tool],
        `${sustained}/${mine.length}`,
        fixed(median(reported.map((f) => f.connRatePerSec)), 1),
        signedPct(median(reported.map((f) => (f.connRatePerSec / target - 1) * 100))),
        fixed(median(reported.map((f) => f.connectMs)), 1),
        fixed(median(reported.map((f) => f.connectionTimeMs.avg)), 1),
        fixed(median(reported.map((f) => f.maxConnectBurst)), 0),
        fixed(median(reported.map((f) => f.maxConcurrent)), 0),
        fixed(median(reported.map((f) => ((f.cpuUserS + f.cpuSystemS) * 1e6) / Math.max(1, f.connections))), 1),
        fixed(median(reported.map((f) => f.errors.total)), 0),
        fixed(median(mine.map((a) => a.timeWaitBefore)), 0),
        failures.join('; ') || '–',
      ]);
    }
  }
  out.push(
    table(
      ['target conn/s', 'tool', 'sustained', 'achieved conn/s', 'error', 'connect ms (mean)', 'connection ms (mean)', 'max connect burst', 'max concurrent', 'CPU µs/conn', 'errors', 'TIME_WAIT before', 'why not sustained (N = a number)'],
      rows,
    ),
  );
  out.push(
    'Loadlab times connect from the scheduled start, so a late schedule shows in its connect time. httperf times it from its connect() call. ' +
      'httperf is built with select(), so it holds at most FD_SETSIZE = 1024 descriptors: when connections pile up past that, it reports fd-unavail. ' +
      "CPU µs/conn comes from each tool's own CPU line, which covers the run without start-up. httperf polls without sleeping, so at low rates its figure is the wall time. " +
      'TIME_WAIT before = IPv4 TCP sockets in TIME_WAIT just before the run, left by earlier runs (they last 60 s; the kernel picks client ports from 28,232 ephemeral ports, and httperf --hog binds its own), median over the rounds.\n',
  );
  return out.join('\n');
}
