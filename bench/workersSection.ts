// `--only workers`: what carrying a run's threads on one worker thread per core costs or gains
// (bench-runner/workerThreads.ts). The seed journal's `-t12 -c400` against nginx, in max mode and
// at -R 20000, with the default (12 threads on one worker thread per core) and with
// `--workers 12` (a worker thread per thread, as wrk runs them and Loadlab did before), alternated
// in every round (A B, then B A). nginx has 1 worker pinned to core 0; the generator may use
// every core, since the comparison is about how its threads share them.
import { cpus } from 'node:os';
import { startLoadlab, type LoadlabRun } from './loadlabTool.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { withNginx } from './server.ts';
import { fixed, latency, median, rate } from './stats.ts';

const SHAPE = ['-t12', '-c400'];
const RATE_PER_SEC = 20_000;

interface Variant {
  label: string;
  flags: string[];
}

const VARIANTS: Variant[] = [
  { label: `default (${Math.min(12, cpus().length)} worker threads)`, flags: [] },
  { label: '`--workers 12`', flags: ['--workers', '12'] },
];

export async function workersSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const allCores = `0-${cpus().length - 1}`;
  const durationArg = `-d${options.durationS}s`;
  const timeoutMs = (options.durationS + 30) * 1000;
  const modes = [
    { name: 'max mode', flags: [] as string[] },
    { name: `-R ${RATE_PER_SEC}`, flags: ['-R', String(RATE_PER_SEC)] },
  ];
  const runs = new Map<string, LoadlabRun[]>();
  await withNginx(async (server) => {
    for (const mode of modes) {
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
        for (const variant of order) {
          log(`workers: ${mode.name}, ${variant.label}, round ${round + 1}/${options.rounds}`);
          const run = await startLoadlab([...SHAPE, ...variant.flags, durationArg, ...mode.flags], server.url, allCores, timeoutMs).done;
          const key = `${mode.name}|${variant.label}`;
          runs.set(key, [...(runs.get(key) ?? []), run]);
        }
      }
    }
  });
  const rows: string[][] = [];
  for (const mode of modes) {
    const baseline = runs.get(`${mode.name}|${VARIANTS[1]?.label ?? ''}`) ?? [];
    for (const variant of VARIANTS) {
      const own = runs.get(`${mode.name}|${variant.label}`) ?? [];
      const reqPerSec = median(own.map((run) => run.result.reqPerSec));
      const p99Us = median(own.map((run) => run.record.summary.latencyUs.p99 ?? Number.NaN));
      const cpuS = median(own.map((run) => run.result.cpuS));
      const ratio = reqPerSec / median(baseline.map((run) => run.result.reqPerSec));
      rows.push([mode.name, variant.label, rate(reqPerSec), latency(p99Us), `${fixed(cpuS, 2)} s`, `${fixed(ratio, 3)}×`, own.map((run) => rate(run.result.reqPerSec)).join(', ')]);
    }
  }
  return [
    '## workers\n',
    `${code(`loadlab bench ${SHAPE.join(' ')} ${durationArg} [-R ${RATE_PER_SEC}] [--workers 12]`)} against nginx (1 worker, core 0), generator on cores ${allCores}; ${options.rounds} rounds per mode, the two variants alternated (A B, B A). Medians; p99 is the corrected latency in rate mode, CPU is the generator's user + sys over the whole run.\n`,
    table(['mode', 'worker threads', 'req/s', 'p99', 'CPU', 'req/s against `--workers 12`', 'each round'], rows),
  ].join('\n');
}
