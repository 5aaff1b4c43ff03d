// Section 1: max-mode throughput, 1 thread, 50 connections, nginx (1 worker) on core 0, each
// generator on core 1, the three tools alternating round by round (order rotated each round).
import { runAutocannon } from './autocannonTool.ts';
import { cpuUsPerResponse, type GeneratorResult, type Tool } from './generator.ts';
import { startLoadlab } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import { cpuTimerName } from './measure.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, median, rate, sleep } from './stats.ts';
import { measureStartup, type StartupCost } from './startup.ts';
import { runWrk } from './wrkTool.ts';

const tools: readonly Tool[] = ['loadlab', 'wrk', 'autocannon'];
const TARGET_VS_WRK = 0.85;
const TARGET_VS_AUTOCANNON = 1.3;

function runOne(tool: Tool, url: string, durationS: number): Promise<GeneratorResult> {
  const timeoutMs = durationS * 1000 + 30_000;
  const d = `${durationS}s`;
  switch (tool) {
    case 'loadlab':
      return startLoadlab(['-t1', '-c50', `-d${d}`], url, GENERATOR_CPU, timeoutMs).done.then((run) => run.result);
    case 'wrk':
      return runWrk(['-t1', '-c50', `-d${d}`], url, GENERATOR_CPU, timeoutMs).then((run) => run.result);
    case 'autocannon':
      return runAutocannon(['-c', '50', '-d', String(durationS), '--json'], url, GENERATOR_CPU, timeoutMs);
  }
}

interface ToolSummary {
  tool: Tool;
  medianReqPerSec: number;
  medianCpuUs: number;
  medianNetCpuUs: number;
  startup: StartupCost;
}

function netCpuUsPerResponse(result: GeneratorResult, startup: StartupCost): number {
  return result.responses > 0 ? (Math.max(0, result.cpuS - startup.cpuS) * 1e6) / result.responses : Number.NaN;
}

function verdict(ratio: number, target: number): string {
  if (!Number.isFinite(ratio)) return 'not measured';
  return ratio >= target ? `**met** (${ratio.toFixed(2)}× ≥ ${target}×)` : `**not met** (${ratio.toFixed(2)}× < ${target}×)`;
}

export async function throughputSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const results: GeneratorResult[][] = [];
  const commands = new Map<Tool, string>();
  const startups = new Map<Tool, StartupCost>();
  for (const tool of tools) {
    log(`start-up CPU: ${tool}`);
    startups.set(tool, await measureStartup(tool, GENERATOR_CPU));
  }
  await withNginx(async (server) => {
    for (let round = 0; round < options.rounds; round++) {
      const order = tools.map((_, i) => tools[(i + round) % tools.length] ?? 'loadlab');
      const roundResults: GeneratorResult[] = [];
      for (const tool of order) {
        log(`throughput round ${round + 1}/${options.rounds}: ${tool}`);
        const result = await runOne(tool, server.url, options.durationS);
        commands.set(tool, result.command.replace(server.url, 'URL'));
        roundResults.push(result);
        await sleep(500);
      }
      results.push(roundResults);
    }
  });

  const startupOf = (tool: Tool): StartupCost => startups.get(tool) ?? { shown: tool, cpuS: Number.NaN };
  const summaries: ToolSummary[] = tools.map((tool) => {
    const mine = results.flat().filter((result) => result.tool === tool);
    const startup = startupOf(tool);
    return {
      tool,
      medianReqPerSec: median(mine.map((r) => r.reqPerSec)),
      medianCpuUs: median(mine.map(cpuUsPerResponse)),
      medianNetCpuUs: median(mine.map((r) => netCpuUsPerResponse(r, startup))),
      startup,
    };
  });
  const byTool = (tool: Tool): ToolSummary | undefined => summaries.find((s) => s.tool === tool);
  const loadlab = byTool('loadlab')?.medianReqPerSec ?? Number.NaN;
  const vsWrk = loadlab / (byTool('wrk')?.medianReqPerSec ?? Number.NaN);
  const vsAutocannon = loadlab / (byTool('autocannon')?.medianReqPerSec ?? Number.NaN);

  // Paired by round: each round's tools ran back to back, so the ratio within a round cancels slow drifts in the machine's load.
  const perRound = (other: Tool): number =>
    median(
      results.map((round) => {
        const mine = round.find((r) => r.tool === 'loadlab')?.reqPerSec ?? Number.NaN;
        return mine / (round.find((r) => r.tool === other)?.reqPerSec ?? Number.NaN);
      }),
    );
  const pairedVsWrk = perRound('wrk');
  const pairedVsAutocannon = perRound('autocannon');

  const out: string[] = [];
  out.push('## 1. Throughput (max mode, 1 thread, 50 connections)\n');
  out.push(`nginx: 1 worker pinned to core 0 (\`taskset -c 0\`). Generator pinned to core 1 (\`taskset -c 1\`), CPU time of the generator process (user+sys, all its threads, includes process start-up) by ${cpuTimerName()}. ${options.rounds} rounds × ${options.durationS}s, tool order rotated each round. Commands (URL = the nginx on 127.0.0.1):\n`);
  for (const tool of tools) out.push(`- ${code(`taskset -c 1 ${commands.get(tool) ?? tool}`)}`);
  out.push('\nautocannon req/s = requests.total / duration (its JSON).\n');
  out.push(
    table(
      ['tool', 'median req/s', 'median CPU µs / response', 'start-up CPU s', 'median CPU µs / response net of start-up', 'errors (all rounds)'],
      summaries.map((s) => [
        s.tool,
        rate(s.medianReqPerSec),
        fixed(s.medianCpuUs, 2),
        `${fixed(s.startup.cpuS, 2)} (${code(s.startup.shown)})`,
        fixed(s.medianNetCpuUs, 2),
        String(results.flat().filter((r) => r.tool === s.tool).reduce((sum, r) => sum + r.errors, 0)),
      ]),
    ),
  );
  out.push(table(['ratio', 'of the medians', 'target (on the ratio of medians)', 'median of per-round ratios'], [
    ['loadlab / wrk', fixed(vsWrk, 3), `≥ ${TARGET_VS_WRK}: ${verdict(vsWrk, TARGET_VS_WRK)}`, fixed(pairedVsWrk, 3)],
    ['loadlab / autocannon', fixed(vsAutocannon, 3), `≥ ${TARGET_VS_AUTOCANNON}: ${verdict(vsAutocannon, TARGET_VS_AUTOCANNON)}`, fixed(pairedVsAutocannon, 3)],
  ]));
  out.push('Per round:\n');
  out.push(
    table(
      ['round', 'tool', 'req/s', 'responses', 'CPU s (user+sys)', 'wall s', 'CPU µs / response', 'errors'],
      results.flatMap((round, i) =>
        round.map((r) => [String(i + 1), r.tool, rate(r.reqPerSec), String(r.responses), fixed(r.cpuS, 2), fixed(r.wallS, 2), fixed(cpuUsPerResponse(r), 2), String(r.errors)]),
      ),
    ),
  );
  return out.join('\n');
}
