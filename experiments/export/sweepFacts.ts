// What every sweep export says about the sweep besides its steps: the plan, the server, how it
// ended, and each step's row (figures as text, "≥" on lower bounds), shared by HTML and Markdown.
import { formatLatencyUs } from '../../common/chart/axis.ts';
import { formatCompletion } from '../../common/censored.ts';
import type { SweepLatencyFigure, SweepStepView, SweepView } from '../../common/labApi.ts';
import { describeSweepServer } from '../../common/sweepServer.ts';
import { formatInstant } from '../../journal/export/runFacts.ts';

export const STEP_FIGURES: readonly { figure: SweepLatencyFigure; label: string }[] = [
  { figure: 'p50', label: 'p50' },
  { figure: 'p90', label: 'p90' },
  { figure: 'p99', label: 'p99' },
  { figure: 'p999', label: 'p99.9' },
];

export const STEP_COLUMNS = ['target (req/s)', 'achieved (req/s)', 'completion', ...STEP_FIGURES.map((entry) => entry.label), 'errors', 'verdict'] as const;

export type Fact = [label: string, value: string];

function rate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

export function sweepFacts(view: SweepView): Fact[] {
  const { experiment } = view;
  const { plan } = experiment;
  const facts: Fact[] = [
    ['Started', formatInstant(experiment.startedAt)],
    // A built-in target is planned as "built-in <model>"; its path is in the runs.
    ['Target', view.server !== null && view.server.model !== null && !plan.url.includes(view.server.url) ? `${plan.url} ${view.server.url}` : plan.url],
    ['Server', describeSweepServer(view.server)],
    ['Load', `${plan.threads} thread${plan.threads === 1 ? '' : 's'} and ${plan.connections} connection${plan.connections === 1 ? '' : 's'}, ${plan.stepDurationMs / 1000} s steps${plan.warmupMs === null ? '' : ` after ${plan.warmupMs / 1000} s of warm-up`}`],
    ['Planned rates', `${plan.plannedRatesPerSec.map(rate).join(', ')} req/s${plan.refineSteps > 0 ? `, up to ${plan.refineSteps} refine steps` : ''}`],
    ['Rule', plan.slo === null ? 'no SLO: p99 within 3× the lowest step’s' : `SLO ${plan.slo}`],
    ['Ended', experiment.endedEarly === 'gave-out' ? 'where the server gave out' : experiment.endedEarly === 'stopped' ? 'stopped early' : 'after every planned rate'],
  ];
  if (view.missing.length > 0) facts.push(['Missing runs', `${view.missing.join(', ')} (no longer in the journal; left out)`]);
  return facts;
}

/** The knee summary as a sentence. */
export function kneeSentence(view: SweepView): string {
  return `${view.kneeSummary.replace(/^./, (first) => first.toUpperCase())}.`;
}

function latencyCell(step: SweepStepView, figure: SweepLatencyFigure): string {
  const us = step.latencyUs[figure];
  if (us === null) return 'unknown';
  return `${step.lowerBounds.includes(figure) ? '≥ ' : ''}${formatLatencyUs(us)}`;
}

/** One row of text cells per step, by target rate, in STEP_COLUMNS order; `knee` marks the knee row. */
export function stepRows(view: SweepView): { cells: string[]; knee: boolean; good: boolean; runId: string }[] {
  return [...view.steps]
    .sort((a, b) => a.targetPerSec - b.targetPerSec)
    .map((step) => {
      const knee = step.targetPerSec === view.kneePerSec;
      const verdict = step.good ? 'good' : `${step.gaveOut ? 'gave out' : 'not good'}: ${step.reasons.join('; ')}`;
      return {
        cells: [
          `${rate(step.targetPerSec)}${step.kind === 'refine' ? ' (refine)' : ''}`,
          rate(step.achievedPerSec),
          formatCompletion(step.completion),
          ...STEP_FIGURES.map(({ figure }) => latencyCell(step, figure)),
          step.errorsPct === null ? 'unknown' : `${step.errorsPct.toPrecision(2)} %`,
          `${knee ? '← knee · ' : ''}${verdict}`,
        ],
        knee,
        good: step.good,
        runId: step.header.id,
      };
    });
}
