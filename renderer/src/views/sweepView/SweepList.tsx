// The journal's sweeps, newest first: one row each with its knee, a click opens its page; ticked
// sweeps open in Compare overlaid.
import { dateTime, rate } from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';

export function SweepList() {
  const experiments = useLab((state) => state.experiments);
  const picks = useLab((state) => state.sweepPicks);
  const { openExperiment, toggleSweepPick, compareSweeps } = useActions();
  if (!experiments.loaded || experiments.list.length === 0) return null;
  return (
    <section className="panel sweep-list" aria-labelledby="sweep-list-title">
      <header className="panel-head">
        <h2 id="sweep-list-title">
          Sweeps <span className="muted small">{experiments.list.length}</span>
        </h2>
        <button type="button" onClick={() => compareSweeps(picks)} disabled={picks.length === 0} title="Their curves on one chart, knees side by side">
          {picks.length === 0 ? 'Tick sweeps to compare' : `Compare ${picks.length} sweep${picks.length === 1 ? '' : 's'}`}
        </button>
      </header>
      <div className="table-wrap">
        <table className="runs">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">compare</span>
              </th>
              <th>title</th>
              <th>when</th>
              <th className="num">steps</th>
              <th className="num">knee (req/s)</th>
            </tr>
          </thead>
          <tbody>
            {experiments.list.map((experiment) => (
              <tr key={experiment.id}>
                <td className="pick">
                  <input type="checkbox" checked={picks.includes(experiment.id)} onChange={() => toggleSweepPick(experiment.id)} aria-label={`Compare ${experiment.title} (${dateTime(experiment.startedAt)})`} />
                </td>
                <td>
                  <button type="button" className="link" onClick={() => openExperiment(experiment.id)}>
                    {experiment.title}
                  </button>
                </td>
                <td>{dateTime(experiment.startedAt)}</td>
                <td className="num">{experiment.steps.length}</td>
                <td className="num">{experiment.kneePerSec === null ? 'none' : rate(experiment.kneePerSec)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
