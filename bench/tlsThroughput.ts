// Section tls: max-mode throughput over https with keep-alive, loadlab bench against Debian's wrk
// (built with OpenSSL) on the same nginx with TLS (1 worker, core 0; a certificate for localhost
// and 127.0.0.1 made here), each generator on core 1, alternating round by round. loadlab
// verifies nginx's certificate (--ca); wrk never verifies. Target: ≥ 0.85× wrk's req/s.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalhostCertificate } from '../common/certificates.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import type { GeneratorResult } from './generator.ts';
import { startLoadlab } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, median, rate, sleep } from './stats.ts';
import { runWrk } from './wrkTool.ts';

type TlsTool = 'loadlab' | 'wrk';
const tools: readonly TlsTool[] = ['loadlab', 'wrk'];
const TARGET_VS_WRK = 0.85;
const LOAD = ['-t1', '-c50'] as const;

interface TlsRound {
  tool: TlsTool;
  result: GeneratorResult;
  /** loadlab only: handshakes and their median, from its record. */
  handshakes: number | null;
  handshakeP50Us: number | null;
}

function handshakesOf(record: MeasuredRunRecord): { handshakes: number | null; handshakeP50Us: number | null } {
  const tls = record.summary.tls;
  return { handshakes: tls?.handshakes ?? null, handshakeP50Us: tls?.handshakeUs?.p50 ?? null };
}

async function runOne(tool: TlsTool, url: string, caFile: string, durationS: number): Promise<TlsRound> {
  const timeoutMs = durationS * 1000 + 30_000;
  const d = `-d${durationS}s`;
  if (tool === 'loadlab') {
    const run = await startLoadlab([...LOAD, d, '--ca', caFile], url, GENERATOR_CPU, timeoutMs).done;
    return { tool, result: run.result, ...handshakesOf(run.record) };
  }
  const run = await runWrk([...LOAD, d], url, GENERATOR_CPU, timeoutMs);
  return { tool, result: run.result, handshakes: null, handshakeP50Us: null };
}

function verdict(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'not measured';
  return ratio >= TARGET_VS_WRK ? `**met** (${ratio.toFixed(2)}× ≥ ${TARGET_VS_WRK}×)` : `**not met** (${ratio.toFixed(2)}× < ${TARGET_VS_WRK}×)`;
}

export async function tlsSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-tls-'));
  const rounds: TlsRound[][] = [];
  const commands = new Map<TlsTool, string>();
  try {
    const certificate = await createLocalhostCertificate();
    const caFile = join(dir, 'cert.pem');
    await writeFile(caFile, certificate.certPem);
    await withNginx(
      async (server) => {
        for (let round = 0; round < options.rounds; round++) {
          const order = round % 2 === 0 ? tools : [...tools].reverse();
          const results: TlsRound[] = [];
          for (const tool of order) {
            log(`tls round ${round + 1}/${options.rounds}: ${tool}`);
            const result = await runOne(tool, server.url, caFile, options.durationS);
            commands.set(tool, result.result.command.replace(server.url, 'URL').replace(caFile, 'CERT'));
            results.push(result);
            await sleep(500);
          }
          rounds.push(results);
        }
      },
      { tls: certificate },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const all = rounds.flat();
  const medianOf = (tool: TlsTool): number => median(all.filter((r) => r.tool === tool).map((r) => r.result.reqPerSec));
  const ratio = medianOf('loadlab') / medianOf('wrk');
  const paired = median(rounds.map((round) => (round.find((r) => r.tool === 'loadlab')?.result.reqPerSec ?? Number.NaN) / (round.find((r) => r.tool === 'wrk')?.result.reqPerSec ?? Number.NaN)));
  const out: string[] = [];
  out.push('## TLS throughput (https, keep-alive, max mode, 1 thread, 50 connections)\n');
  out.push(
    `nginx with TLS (\`ssl_session_cache\`, a P-256 certificate for localhost/127.0.0.1 made by the bench): 1 worker pinned to core 0. ` +
      `Generators pinned to core 1, alternating (order reversed every other round), ${options.rounds} rounds × ${options.durationS}s. ` +
      `loadlab verifies the certificate (\`--ca\`); wrk does not verify. Commands (URL = the nginx on 127.0.0.1, CERT = its certificate):\n`,
  );
  for (const tool of tools) out.push(`- ${code(`taskset -c 1 ${commands.get(tool) ?? tool}`)}`);
  out.push('');
  out.push(
    table(
      ['tool', 'median req/s', 'median CPU µs / response (start-up included)', 'errors (all rounds)'],
      tools.map((tool) => {
        const mine = all.filter((r) => r.tool === tool);
        const cpuUs = median(mine.map((r) => (r.result.cpuS * 1e6) / Math.max(1, r.result.responses)));
        return [tool, rate(medianOf(tool)), fixed(cpuUs, 1), String(mine.reduce((sum, r) => sum + r.result.errors, 0))];
      }),
    ),
  );
  out.push(table(['ratio', 'of the medians', `target ≥ ${TARGET_VS_WRK}× wrk`, 'median of per-round ratios'], [['loadlab / wrk', fixed(ratio, 3), verdict(ratio), fixed(paired, 3)]]));
  out.push('Per round:\n');
  out.push(
    table(
      ['round', 'tool', 'req/s', 'responses', 'CPU s (user+sys)', 'errors', 'TLS handshakes', 'handshake p50 µs'],
      rounds.flatMap((round, i) =>
        round.map((r) => [String(i + 1), r.tool, rate(r.result.reqPerSec), String(r.result.responses), fixed(r.result.cpuS, 2), String(r.result.errors), r.handshakes === null ? '—' : String(r.handshakes), r.handshakeP50Us === null ? '—' : fixed(r.handshakeP50Us, 0)]),
      ),
    ),
  );
  return out.join('\n');
}
