// `loadlab sweep`: constant-rate runs at increasing rates until the server gives out; the knee.
import { Command, Option } from 'commander';
import { benchConfigDefaults, type BenchConfig } from '../bench-runner/config.ts';
import { startRun } from '../bench-runner/run.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { formatTimeUs } from '../common/format.ts';
import { formatSlo, type Threshold } from '../common/slo.ts';
import { errorLimitOf, runSweep, type SweepResult, type SweepStep } from '../experiments/sweep.ts';
import { sweepExperiment } from '../experiments/sweepRecord.ts';
import { openExperiments } from '../journal/store/experiments.ts';
import { normaliseTags } from '../journal/store/journal.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { formatSweepTable } from '../experiments/sweepTable.ts';
import { geometricRates, listedRates } from '../experiments/sweepPlan.ts';
import { durationOption, metricOption, parseHeader, parseMetric, UsageError } from './numbers.ts';
import { configFromFlags } from './runWithReport.ts';
import { addSaveOptions, checkSaveFlags, saveRun, type SaveFlags } from './saveToJournal.ts';
import { parseSloFlag } from './sloFlag.ts';
import { errorMessage } from '../common/errorMessage.ts';
import type { ExperimentRecord } from '../common/experimentRecord.ts';
import { MAX_SWEEP_REPEATS, runRepeatedSweeps, sweepRepeatsOf } from './sweepRepeat.ts';

interface SweepFlags extends SaveFlags {
  threads: number;
  connections: number;
  from?: number;
  to?: number;
  steps: number;
  rates?: string;
  stepDuration: number;
  warmup?: number;
  slo?: string;
  refine: number;
  header: Array<[string, string]>;
  method: string;
  timeout: number;
  keepAlive: boolean;
  ca?: string;
  insecure: boolean;
  /** commander's --no-tls-resume. */
  tlsResume: boolean;
  repeat?: number;
}

export function sweepCommand(): Command {
  const command = new Command('sweep')
    .description(
      'Constant-rate runs at increasing rates (geometric from --from to --to, or --rates), stopped one step past where the server gives out; prints each step and the knee: the highest rate sustained (achieved ≥ 99 %, completion ≥ 99.9 %) within the SLO, or without one within 3× the lowest step\'s p99.',
    )
    .argument('<url>', 'http:// URL to load')
    .option('-t, --threads <N>', 'threads, as wrk\'s (on one worker thread per core at most)', metricOption('-t', true), benchConfigDefaults.threads)
    .option('-c, --connections <N>', 'connections to keep open, split across threads', metricOption('-c', true), benchConfigDefaults.connections)
    .option('--from <N>', 'lowest rate, req/s', metricOption('--from', false))
    .option('--to <N>', 'highest rate, req/s', metricOption('--to', false))
    .option('--steps <N>', 'rates from --from to --to, geometric', metricOption('--steps', true), 10)
    .option('--rates <list>', 'the rates to try instead, comma-separated (100,200,400)')
    .addOption(new Option('--step-duration <T>', 'length of each recorded step').argParser(durationOption('--step-duration')).default(10_000, '10s'))
    .option('--warmup <T>', 'load at the step\'s rate before each step, not recorded', durationOption('--warmup'))
    .option('--slo <thresholds>', 'what a step must meet, e.g. p99=50ms,errors=0.1%')
    .option('--refine <K>', 'up to K more steps bisecting between the last good and the first bad rate', metricOption('--refine', true), 0)
    .option('-H, --header <H>', 'add a header "Name: value" (repeatable)', (text: string, all: Array<[string, string]>) => [...all, parseHeader(text)], [])
    .option('--method <M>', 'request method', benchConfigDefaults.method)
    .addOption(new Option('-T, --timeout <T>', 'count a request as timed out after this long').argParser(durationOption('--timeout')).default(benchConfigDefaults.timeoutMs, '2s'))
    .option('--no-keep-alive', 'a new connection per request, sent with Connection: close')
    .option('--ca <file>', 'https: trust this CA certificate (PEM) besides the built-in roots')
    .option('--insecure', 'https: do not verify the server certificate (said in every step\'s record)', false)
    .option('--no-tls-resume', 'https: a full TLS handshake on every reconnect (no session resumption)')
    .option('--repeat <N>', `the whole sweep N times (2 to ${MAX_SWEEP_REPEATS}), each saved as its own sweep with --save; then the knees side by side with their median and range`, metricOption('--repeat', true))
    .action(async (url: string, flags: SweepFlags) => {
      process.exitCode = await runSweepCommand(url, flags);
    });
  return addSaveOptions(command);
}

function planRates(flags: SweepFlags): number[] {
  try {
    if (flags.rates !== undefined) {
      if (flags.from !== undefined || flags.to !== undefined) throw new UsageError('give --rates or --from/--to, not both');
      return listedRates(
        flags.rates.split(',').map((text) => {
          const rate = parseMetric(text);
          if (rate === null) throw new UsageError(`--rates: "${text.trim()}" is not a rate such as 500 or 2k`);
          return rate;
        }),
      );
    }
    if (flags.from === undefined || flags.to === undefined) throw new UsageError('a sweep needs --from and --to (req/s), or --rates');
    return geometricRates(flags.from, flags.to, flags.steps);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** Runs one constant-rate run to its end (or until stopped) and returns its record. */
async function measure(config: BenchConfig, stopSignal: { stopped: boolean }): Promise<MeasuredRunRecord> {
  const handle = startRun(config);
  const poll = setInterval(() => {
    if (stopSignal.stopped) handle.stop();
  }, 100);
  try {
    return await handle.result;
  } finally {
    clearInterval(poll);
  }
}

function stepLine(step: SweepStep<MeasuredRunRecord>, planned: number): string {
  const { outcome, judgement } = step;
  const p99 = outcome.p99Us === null ? '?' : `${outcome.p99IsLowerBound ? '≥' : ''}${formatTimeUs(outcome.p99Us)}`;
  const completion = outcome.completion === null ? '?' : `${(outcome.completion * 100).toFixed(2)}%`;
  const verdict = judgement.good ? 'good' : judgement.gaveOut ? `gave out: ${judgement.reasons.join('; ')}` : `not good: ${judgement.reasons.join('; ')}`;
  return `loadlab: step ${step.order + 1}/${planned}${step.kind === 'refine' ? ' (refine)' : ''}  ${Math.round(outcome.targetPerSec)} req/s → ${outcome.achievedPerSec.toFixed(1)} achieved, completion ${completion}, p99 ${p99} — ${verdict}\n`;
}

async function runSweepCommand(url: string, flags: SweepFlags): Promise<number> {
  checkSaveFlags(flags);
  const repeats = sweepRepeatsOf(flags.repeat);
  const ratesPerSec = planRates(flags);
  const slo = parseSloFlag(flags.slo);
  const base = (ratePerSec: number, durationMs: number): BenchConfig =>
    configFromFlags({
      ...benchConfigDefaults,
      url,
      threads: flags.threads,
      connections: flags.connections,
      durationMs,
      ratePerSec,
      method: flags.method.toUpperCase(),
      headers: flags.header,
      timeoutMs: flags.timeout,
      keepAlive: flags.keepAlive,
      tls: { insecure: flags.insecure, caFile: flags.ca ?? null, resume: flags.tlsResume },
    });
  // Every step's config is checked before the first one runs: a bad flag never wastes a sweep.
  for (const rate of ratesPerSec) base(rate, flags.stepDuration);

  const stopSignal = { stopped: false };
  const onInterrupt = (): void => {
    process.stderr.write(
      repeats === null
        ? '\nloadlab: stopping the sweep; the table covers the steps measured so far\n'
        : '\nloadlab: stopping; the summary covers the sweeps finished so far\n',
    );
    stopSignal.stopped = true;
  };
  process.on('SIGINT', onInterrupt);
  process.stderr.write(
    `loadlab: ${repeats === null ? '' : `${repeats} sweeps, one after another, `}sweep of ${url}: ${ratesPerSec.length} rates from ${ratesPerSec[0]} to ${ratesPerSec[ratesPerSec.length - 1]} req/s, ${flags.stepDuration / 1000}s steps${flags.warmup !== undefined ? ` after ${flags.warmup / 1000}s of warm-up each` : ''}${slo ? `, SLO ${formatSlo(slo)}` : ''}\n`,
  );
  const sweepOnce = (): Promise<SweepResult<MeasuredRunRecord>> =>
    runSweep<MeasuredRunRecord>(
      { ratesPerSec, refineSteps: flags.refine, slo, errorLimitPct: errorLimitOf(slo) },
      {
        runStep: async (rate) => {
          if (flags.warmup !== undefined) await measure(base(rate, flags.warmup), stopSignal);
          return measure(base(rate, flags.stepDuration), stopSignal);
        },
        onStep: (step, planned) => process.stderr.write(stepLine(step, planned)),
        stopRequested: () => stopSignal.stopped,
      },
    );
  const title = flags.title ?? `sweep ${url}`;

  if (repeats !== null) {
    try {
      return await runRepeatedSweeps({
        url,
        repeats,
        sweepOnce,
        experimentOf: (result, repeat, groupTag) =>
          experimentOf(result, url, flags, ratesPerSec, slo, `${title} (repeat ${repeat + 1} of ${repeats})`, [groupTag, `repeat-${repeat + 1}-of-${repeats}`]),
        save: flags.save ? async (result, experiment) => (await saveSweep(result, experiment, flags)) === 0 : null,
        stopRequested: () => stopSignal.stopped,
      });
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  }

  let result;
  try {
    result = await sweepOnce();
  } finally {
    process.off('SIGINT', onInterrupt);
  }

  process.stdout.write(`Sweep @ ${url}\n  ${flags.threads} threads and ${flags.connections} connections, ${flags.stepDuration / 1000}s steps${slo ? `, SLO ${formatSlo(slo)}` : ''}\n`);
  process.stdout.write(formatSweepTable(result));
  process.stdout.write(`${result.knee.summary.replace(/^./, (first) => first.toUpperCase())}\n`);
  if (result.endedEarly?.reason === 'gave-out') process.stdout.write(`Stopped after ${result.endedEarly.atPerSec} req/s: the server gave out there.\n`);

  if (flags.save) return saveSweep(result, experimentOf(result, url, flags, ratesPerSec, slo, title, []), flags);
  return 0;
}

/** The sweep's journal entry: its plan, title and tags ("sweep", the --tag ones and `extraTags`). */
function experimentOf(
  result: SweepResult<MeasuredRunRecord>,
  url: string,
  flags: SweepFlags,
  ratesPerSec: number[],
  slo: Threshold[] | null,
  title: string,
  extraTags: string[],
): ExperimentRecord {
  return sweepExperiment(result, {
    title,
    notes: flags.notes ?? '',
    tags: normaliseTags(['sweep', ...extraTags, ...flags.tag]),
    plan: {
      url,
      threads: flags.threads,
      connections: flags.connections,
      stepDurationMs: flags.stepDuration,
      warmupMs: flags.warmup ?? null,
      plannedRatesPerSec: ratesPerSec,
      refineSteps: flags.refine,
      slo: slo === null ? null : formatSlo(slo),
      errorLimitPct: errorLimitOf(slo),
    },
  });
}

/** Keeps every step as a run and the sweep as one experiment entry that holds them. */
async function saveSweep(result: SweepResult<MeasuredRunRecord>, experiment: ExperimentRecord, flags: SweepFlags): Promise<number> {
  const stepTags = experiment.tags.filter((tag) => tag !== 'sweep');
  let failures = 0;
  for (const step of result.steps) {
    try {
      await saveRun({ ...step.record, title: `${experiment.title} @ ${Math.round(step.outcome.targetPerSec)} req/s` }, { ...flags, notes: undefined, tag: [...stepTags, 'sweep', experiment.id] });
    } catch (error) {
      failures++;
      process.stderr.write(`loadlab: could not save the step at ${step.outcome.targetPerSec} req/s: ${errorMessage(error)}\n`);
    }
  }
  try {
    const store = await openExperiments(resolveJournalDir({ flag: flags.journal }));
    await store.put(experiment);
  } catch (error) {
    process.stderr.write(`loadlab: could not save the sweep entry: ${errorMessage(error)}\n`);
    return 1;
  }
  process.stderr.write(`loadlab: saved sweep ${experiment.id} with ${result.steps.length - failures} of ${result.steps.length} steps (loadlab journal sweeps ${experiment.id})\n`);
  return failures > 0 ? 1 : 0;
}
