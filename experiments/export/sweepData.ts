// The sweep's data exports. JSON: the experiment record, the knee, and per step its reading by the
// knee rule and its run's whole summary (histograms left out: export the runs for those). CSV
// (RFC 4180, as journal/export/csv.ts): one row per step; unknown figures are empty cells.
import type { SweepView } from '../../common/labApi.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { field } from '../../journal/export/csv.ts';

export const SWEEP_EXPORT_SCHEMA = 'loadlab.sweep-export/1';

export function sweepJson(view: SweepView, runs: ReadonlyMap<string, RunRecord>): string {
  const document = {
    schema: SWEEP_EXPORT_SCHEMA,
    experiment: view.experiment,
    server: view.server,
    kneePerSec: view.kneePerSec,
    kneeSummary: view.kneeSummary,
    highestAchievedPerSec: view.highestAchievedPerSec,
    missingRunIds: view.missing,
    steps: [...view.steps]
      .sort((a, b) => a.targetPerSec - b.targetPerSec)
      .map((step) => {
        const record = runs.get(step.header.id);
        return {
          runId: step.header.id,
          title: step.header.title,
          order: step.order,
          kind: step.kind,
          targetPerSec: step.targetPerSec,
          achievedPerSec: step.achievedPerSec,
          completion: step.completion,
          errorsPct: step.errorsPct,
          latencyUs: step.latencyUs,
          lowerBounds: step.lowerBounds,
          good: step.good,
          gaveOut: step.gaveOut,
          reasons: step.reasons,
          knee: step.targetPerSec === view.kneePerSec,
          startedAt: record?.startedAt ?? null,
          summary: record?.summary ?? null,
        };
      }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const CSV_HEADER = [
  'runId', 'order', 'kind', 'targetPerSec', 'achievedPerSec', 'completion', 'p50Us', 'p90Us', 'p99Us', 'p999Us',
  'lowerBounds', 'errorsPct', 'good', 'gaveOut', 'knee', 'reasons',
];

export function sweepCsv(view: SweepView): string {
  const rows = [...view.steps]
    .sort((a, b) => a.targetPerSec - b.targetPerSec)
    .map((step) => [
      step.header.id,
      step.order,
      step.kind,
      step.targetPerSec,
      step.achievedPerSec,
      step.completion,
      step.latencyUs.p50,
      step.latencyUs.p90,
      step.latencyUs.p99,
      step.latencyUs.p999,
      step.lowerBounds.join(' '),
      step.errorsPct,
      String(step.good),
      String(step.gaveOut),
      String(step.targetPerSec === view.kneePerSec),
      step.reasons.join('; '),
    ]);
  return [CSV_HEADER, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
