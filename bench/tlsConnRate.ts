// Section tlsconnrate: connection rate over TLS (issue 16). The highest rate of new https
// connections (one request each) that `loadlab httperf --ssl` sustains, beside Debian's
// `httperf --ssl`, on the same nginx with TLS (1 worker, core 0, a P-256 certificate for
// localhost/127.0.0.1 made here, `ssl_session_cache`), each generator on core 1. Each tool climbs
// a ladder of rates, SCHEDULE_S of schedule per rung, the tools alternating at every rung.
// Debian's httperf 0.9 makes a full handshake on every connection of a --num-conns run (it
// reuses a TLS session only inside --wsess sessions), while loadlab resumes the previous session
// by default; so loadlab runs twice: as it comes, and with --ssl-no-reuse (the same work per
// connection as httperf). "Sustained" is connRate.ts's judge: exit 0, no errors of any kind,
// every connection answered, the report's "Connection rate" within 1 % of the target.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createLocalhostCertificate } from '../common/certificates.ts';
import { parseHttperfOutput, type HttperfFigures } from '../peers/httperfOutput.ts';
import type { NginxServer } from '../peers/nginx.ts';
import { findProgram } from '../peers/programs.ts';
import { judge, timeWaitSockets } from './connRate.ts';
import { code, table } from './markdown.ts';
import { commandLine, startPinned } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, median, rate, signedPct, sleep } from './stats.ts';
import { highestSustainedByRound, type RungOutcome } from './sustained.ts';

const RATES = [100, 200, 400, 800, 1200, 1600, 2400, 3200, 4800, 6400] as const;
const SCHEDULE_S = 3;
const CLIENT_TIMEOUT_S = 5;
const NGINX_BACKLOG = 4096;
/** A tool stops climbing after this many failed rungs in a row. */
const FAILURES_TO_STOP = 2;
/** A run that has not ended this long after its schedule is killed and counts as failed. */
const KILL_AFTER_MS = SCHEDULE_S * 1000 + 2 * CLIENT_TIMEOUT_S * 1000 + 5000;
const PAUSE_BETWEEN_RUNS_MS = 1500;

export type TlsConnTool = 'loadlab' | 'loadlab-full' | 'httperf';
const TOOLS: readonly TlsConnTool[] = ['loadlab', 'loadlab-full', 'httperf'];
const TOOL_LABEL: Record<TlsConnTool, string> = {
  loadlab: 'loadlab httperf --ssl',
  'loadlab-full': 'loadlab httperf --ssl --ssl-no-reuse',
  httperf: 'httperf --ssl',
};

interface Attempt extends RungOutcome<TlsConnTool> {
  figures: HttperfFigures | null;
  /** Why it did not count as sustained; null when it did. */
  failure: string | null;
  timeWaitBefore: number;
}

function flagsFor(tool: TlsConnTool, port: number, target: number, caFile: string): string[] {
  const flags = ['--ssl', '--server', '127.0.0.1', '--port', String(port), '--rate', String(target), '--num-conns', String(Math.round(target * SCHEDULE_S)), '--num-calls', '1', '--timeout', String(CLIENT_TIMEOUT_S)];
  if (tool === 'httperf') return flags;
  return [...flags, ...(tool === 'loadlab-full' ? ['--ssl-no-reuse'] : []), '--ca', caFile];
}

function commandFor(tool: TlsConnTool, flags: string[]): { program: string; args: string[]; shown: string } {
  if (tool === 'httperf') return { program: findProgram('httperf', 'httperf'), args: flags, shown: commandLine('httperf', flags) };
  const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;
  return { program: process.execPath, args: [bin, 'httperf', ...flags], shown: commandLine('node', [relative(process.cwd(), bin), 'httperf', ...flags]) };
}

async function attempt(tool: TlsConnTool, round: number, target: number, server: NginxServer, caFile: string): Promise<Attempt & { shown: string }> {
  const { program, args, shown } = commandFor(tool, flagsFor(tool, server.port, target, caFile));
  const timeWaitBefore = await timeWaitSockets();
  const measured = await startPinned({ program, args, cpu: GENERATOR_CPU, timeoutMs: KILL_AFTER_MS }).done;
  const base = { tool, round, target, shown, timeWaitBefore };
  if (measured.timedOut) return { ...base, figures: null, failure: `killed after ${KILL_AFTER_MS / 1000} s`, sustained: false };
  // httperf exits at once when a TLS handshake fails ("failed to connect to SSL server").
  if (measured.exitCode !== 0) return { ...base, figures: null, failure: `exit ${String(measured.exitCode)}: ${measured.stderr.trim().split('\n').at(-1) ?? ''}`, sustained: false };
  let figures: HttperfFigures;
  try {
    figures = parseHttperfOutput(measured.stdout);
  } catch {
    return { ...base, figures: null, failure: 'no report', sustained: false };
  }
  const judged = judge(figures, target);
  // loadlab's report adds "TLS errors: …" and the first message of each kind ("  e.g. …").
  const example = /^ {2}e\.g\. (.+)$/m.exec(measured.stdout)?.[1];
  const failure = judged !== null && example !== undefined ? `${judged} (TLS: ${example})` : judged;
  return { ...base, figures, failure, sustained: failure === null };
}

export async function tlsConnRateSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const attempts: Attempt[] = [];
  const shown = new Map<TlsConnTool, string>();
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-tlsconn-'));
  try {
    const certificate = await createLocalhostCertificate();
    const caFile = join(dir, 'cert.pem');
    await writeFile(caFile, certificate.certPem);
    await withNginx(
      async (server) => {
        for (let round = 1; round <= options.rounds; round++) {
          const failuresInARow = new Map<TlsConnTool, number>(TOOLS.map((tool) => [tool, 0]));
          for (const [rung, target] of RATES.entries()) {
            const climbing = TOOLS.filter((tool) => (failuresInARow.get(tool) ?? 0) < FAILURES_TO_STOP);
            if (climbing.length === 0) break;
            // Alternate: rotate the order at every rung and every round.
            const order = climbing.map((_, i) => climbing[(i + rung + round) % climbing.length] ?? 'loadlab');
            for (const tool of order) {
              log(`tlsconnrate round ${round}/${options.rounds}: ${TOOL_LABEL[tool]} at ${target} conn/s`);
              const result = await attempt(tool, round, target, server, caFile);
              shown.set(
                tool,
                result.shown
                  .replace(String(server.port), 'PORT')
                  .replace(caFile, 'CERT')
                  .replace(`--rate ${target}`, '--rate RATE')
                  .replace(`--num-conns ${Math.round(target * SCHEDULE_S)}`, `--num-conns RATE×${SCHEDULE_S}`),
              );
              attempts.push(result);
              failuresInARow.set(tool, result.failure === null ? 0 : (failuresInARow.get(tool) ?? 0) + 1);
              if (result.failure !== null) log(`  not sustained: ${result.failure}`);
              await sleep(PAUSE_BETWEEN_RUNS_MS);
            }
          }
        }
      },
      { tls: certificate, backlog: NGINX_BACKLOG },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return report(attempts, shown, options.rounds);
}

function report(attempts: readonly Attempt[], shown: ReadonlyMap<TlsConnTool, string>, rounds: number): string {
  const highest = (tool: TlsConnTool): number[] => highestSustainedByRound(attempts, tool, rounds);
  const medianHighest = (tool: TlsConnTool): number => median(highest(tool));
  const out: string[] = [];
  out.push('## Connection rate over TLS (httperf model: a new https connection per request)\n');
  out.push(
    `nginx with TLS (TLSv1.2 as nginx 1.22 offers by default, \`ssl_session_cache\`, a P-256 certificate for localhost/127.0.0.1 made by the bench), 1 worker pinned to core 0, \`listen … backlog=${NGINX_BACKLOG}\`. ` +
      `Generators pinned to core 1 (\`taskset -c ${GENERATOR_CPU}\`). Each tool climbs the ladder ${RATES.map((r) => rate(r)).join(', ')} conn/s with ${SCHEDULE_S} s of schedule per rung (num-conns = rate × ${SCHEDULE_S}), one request per connection, ` +
      `and stops after ${FAILURES_TO_STOP} failed rungs in a row; the tools alternate at every rung (order rotated), ${PAUSE_BETWEEN_RUNS_MS / 1000} s between runs, ${rounds} rounds. ` +
      '**Sustained** = exit 0, no errors of any kind, every connection answered, and the report\'s "Connection rate" (connections / test-duration, read by the same parser from both reports) within ±1% of the target. ' +
      "Debian's httperf makes a full handshake on every connection here and verifies nothing; loadlab verifies the certificate (`--ca`) and by default resumes the previous TLS session, so it also runs with `--ssl-no-reuse` (a full handshake each time, httperf's work). " +
      'Commands (PORT = nginx\'s port, CERT = its certificate):\n',
  );
  for (const tool of TOOLS) out.push(`- ${code(`taskset -c ${GENERATOR_CPU} ${shown.get(tool) ?? TOOL_LABEL[tool]}`)}`);
  out.push('');
  out.push(
    table(
      ['tool', 'highest sustained conn/s (median of rounds)', 'per round', 'this tool / httperf --ssl'],
      TOOLS.map((tool) => [TOOL_LABEL[tool], rate(medianHighest(tool)), highest(tool).map((r) => rate(r)).join(', '), fixed(medianHighest(tool) / medianHighest('httperf'), 2)]),
    ),
  );
  out.push(
    `loadlab / httperf on the median highest sustained rate: **${fixed(medianHighest('loadlab-full') / medianHighest('httperf'), 2)}** with full handshakes on both sides (\`--ssl-no-reuse\`), ` +
      `**${fixed(medianHighest('loadlab') / medianHighest('httperf'), 2)}** with loadlab's default (session resumption).\n`,
  );
  out.push('Per rung (medians over the rounds that reached the rung):\n');
  const rows: string[][] = [];
  for (const target of RATES) {
    for (const tool of TOOLS) {
      const mine = attempts.filter((a) => a.tool === tool && a.target === target);
      if (mine.length === 0) continue;
      const reported = mine.flatMap((a) => (a.figures ? [a.figures] : []));
      const handshakes = reported.flatMap((f) => (f.tlsHandshake ? [f.tlsHandshake] : []));
      const failures = [...new Set(mine.flatMap((a) => (a.failure === null ? [] : [a.failure.replace(/\d+(\.\d+)?/g, 'N')])))];
      rows.push([
        rate(target),
        TOOL_LABEL[tool],
        `${mine.filter((a) => a.sustained).length}/${mine.length}`,
        fixed(median(reported.map((f) => f.connRatePerSec)), 1),
        signedPct(median(reported.map((f) => (f.connRatePerSec / target - 1) * 100))),
        fixed(median(reported.map((f) => f.connectMs)), 1),
        handshakes.length === 0 ? '—' : fixed(median(handshakes.map((h) => h.meanMs)), 1),
        handshakes.length === 0 ? '—' : `${fixed(median(handshakes.map((h) => h.resumed)), 0)} / ${fixed(median(handshakes.map((h) => h.handshakes)), 0)}`,
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
      ['target conn/s', 'tool', 'sustained', 'achieved conn/s', 'error', 'connect ms (mean)', 'TLS handshake ms (mean)', 'resumed / handshakes', 'connection ms (mean)', 'max connect burst', 'max concurrent', 'CPU µs/conn', 'errors', 'TIME_WAIT before', 'why not sustained (N = a number)'],
      rows,
    ),
  );
  out.push(
    "httperf's connect time ends when its TLS handshake does (core.c signals \"connected\" after SSL_connect), so it includes the handshake; loadlab's connect is the TCP connect alone (from the scheduled start), its TLS handshake a time of its own (— for httperf, which prints none). " +
      "httperf holds at most FD_SETSIZE = 1024 descriptors (select()); a pile-up past that is fd-unavail. A failed handshake ends an httperf run at once (exit 255). CPU µs/conn is each tool's own CPU line (the run, without start-up) over connections; httperf polls without sleeping, so at low rates its figure is the wall time.\n",
  );
  return out.join('\n');
}
