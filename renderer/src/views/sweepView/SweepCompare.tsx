// Compare's sweep overlay: the picked sweeps' curves on one chart (one latency figure, chosen
// here, against achieved throughput), each labelled by what tells them apart (model, profile,
// commit: common/sweepServer.ts), the knees marked, and a table of the knees side by side.
import { useId, useMemo, useState } from 'react';
import type { SweepLatencyFigure, SweepView } from '../../../../common/labApi.ts';
import { sweepKneeRows } from '../../../../common/sweepKnees.ts';
import { SweepOverlayChart } from '../../charts/SweepOverlayChart.tsx';
import type { OverlaidSweep } from '../../charts/shape/sweepOverlay.ts';
import { dateTime, latency, rate } from '../../format/figures.ts';
import { SWEEP_COMPARE_MAX } from '../../store/actions/sweepActions.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { useChartPalette } from '../../theme/PaletteContext.tsx';

const FIGURES: { value: SweepLatencyFigure; label: string }[] = [
  { value: 'p50', label: 'p50' },
  { value: 'p90', label: 'p90' },
  { value: 'p99', label: 'p99' },
  { value: 'p999', label: 'p99.9' },
];

export function SweepCompare() {
  const picks = useLab((state) => state.sweepPicks);
  const views = useLab((state) => state.experiments.views);
  const list = useLab((state) => state.experiments.list);
  const { toggleSweepPick, openExperiment } = useActions();
  const palette = useChartPalette();
  const [figure, setFigure] = useState<SweepLatencyFigure>('p99');
  const ids = { figure: useId(), add: useId() };

  const loaded = useMemo(() => picks.map((id) => views[id]).filter((view): view is SweepView => view !== undefined), [picks, views]);
  const rows = useMemo(() => sweepKneeRows(loaded), [loaded]);
  const colorOf = (id: string): string => palette.series[Math.max(0, picks.indexOf(id)) % palette.series.length] ?? palette.fg;
  const sweeps: OverlaidSweep[] = loaded.map((view, index) => ({
    id: view.experiment.id,
    label: rows[index]?.label ?? view.experiment.title,
    color: colorOf(view.experiment.id),
    steps: view.steps,
    kneePerSec: view.kneePerSec,
  }));
  const others = list.filter((experiment) => !picks.includes(experiment.id));
  if (picks.length === 0) return null;

  return (
    <>
      <section className="panel sweep-compare" aria-labelledby="sweep-compare-title">
        <header className="panel-head">
          <h2 id="sweep-compare-title">
            Sweeps <span className="muted">{picks.length} overlaid; the curves answer which server holds up, and where it gives out</span>
          </h2>
          <label htmlFor={ids.figure} className="inline">
            Latency
            <select id={ids.figure} aria-label="Latency figure drawn" value={figure} onChange={(event) => setFigure(event.target.value as SweepLatencyFigure)}>
              {FIGURES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </header>
        <ol className="compared-runs">
          {picks.map((id, index) => {
            const view = views[id];
            const label = rows[loaded.findIndex((loadedView) => loadedView.experiment.id === id)]?.label ?? id;
            return (
              <li key={id}>
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" y1="5" x2="28" y2="5" stroke={colorOf(id)} strokeWidth="2.5" />
                </svg>
                <button type="button" className="link" onClick={() => openExperiment(id)}>
                  {label}
                </button>
                <span className="muted small">{view === undefined ? 'reading…' : `${view.experiment.title} · ${dateTime(view.experiment.startedAt)} · ${view.steps.length} step${view.steps.length === 1 ? '' : 's'}`}</span>
                <button type="button" className="icon" aria-label={`Remove sweep ${index + 1} (${label}) from the comparison`} onClick={() => toggleSweepPick(id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
        {others.length > 0 && picks.length < SWEEP_COMPARE_MAX && (
          <label htmlFor={ids.add} className="inline">
            Add a sweep
            <select
              id={ids.add}
              value=""
              onChange={(event) => {
                if (event.target.value !== '') toggleSweepPick(event.target.value);
              }}
            >
              <option value="">choose…</option>
              {others.map((experiment) => (
                <option key={experiment.id} value={experiment.id}>
                  {experiment.title} · {dateTime(experiment.startedAt)}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>
      {loaded.length > 0 && (
        <section className="panel">
          <SweepOverlayChart sweeps={sweeps} figure={figure} />
        </section>
      )}
      {loaded.length > 0 && (
        <section className="panel" aria-labelledby="sweep-knees-title">
          <h3 id="sweep-knees-title">Knees</h3>
          <div className="table-wrap">
            <table className="sweep-knees">
              <thead>
                <tr>
                  <th>sweep</th>
                  <th className="num">knee (req/s)</th>
                  <th className="num">achieved at the knee</th>
                  <th className="num">p99 at the knee</th>
                  <th className="num">highest throughput (req/s)</th>
                  <th className="num">steps</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <span className="swatch" style={{ background: colorOf(row.id) }} aria-hidden="true" />
                      {row.label}
                    </td>
                    <td className="num">{row.kneePerSec === null ? 'none' : rate(row.kneePerSec)}</td>
                    <td className="num">{row.kneeAchievedPerSec === null ? '—' : rate(row.kneeAchievedPerSec)}</td>
                    <td className="num">{row.kneePerSec === null ? '—' : `${row.kneeP99LowerBound ? '≥ ' : ''}${latency(row.kneeP99Us)}`}</td>
                    <td className="num">{rate(row.highestAchievedPerSec)}</td>
                    <td className="num" title={row.incompleteSteps > 0 ? 'steps that answered under 99 % of what they scheduled' : undefined}>
                      {row.steps}
                      {row.incompleteSteps > 0 ? ` (${row.incompleteSteps} incomplete)` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">The knee: the highest rate sustained (≥ 99 % of the target achieved, ≥ 99.9 % answered) within the sweep’s SLO, or without one within 3× the p99 of its lowest step.</p>
        </section>
      )}
    </>
  );
}
