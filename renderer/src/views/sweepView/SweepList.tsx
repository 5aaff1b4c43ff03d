// The journal's sweeps, newest first: one row each with its knee, a click opens its page.
import { dateTime, rate } from '../../format/figures.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';

export function SweepList() {
  const experiments = useLab((state) => state.experiments);
  const { openExperiment } = useActions();
  if (!experiments.loaded || experiments.list.length === 0) return null;
  return (
    <section className="panel sweep-list" aria-labelledby="sweep-list-title">
      <header className="panel-head">
        <h2 id="sweep-list-title">Sweeps</h2>
        <span className="muted small">{experiments.list.length}</span>
      </header>
      <div className="table-wrap">
        <table className="runs">
          <thead>
            <tr>
              <th>title</th>
              <th>when</th>
              <th className="num">steps</th>
              <th className="num">knee (req/s)</th>
            </tr>
          </thead>
          <tbody>
            {experiments.list.map((experiment) => (
              <tr key={experiment.id}>
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
