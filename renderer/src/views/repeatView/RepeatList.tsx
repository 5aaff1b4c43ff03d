// The journal's repeats, newest first: one row each, a click opens its result page. Read when the
// journal list shows and again when the journal changes (its run count follows the journal).
import { useEffect, useState } from 'react';
import type { RepeatExperimentRecord } from '../../../../common/experimentRecord.ts';
import { dateTime } from '../../format/figures.ts';
import { useActions, useLab, useLabApi } from '../../store/LabContext.tsx';

export function RepeatList() {
  const api = useLabApi();
  const runCount = useLab((state) => state.journal.runs.length);
  const { openRepeat } = useActions();
  const [repeats, setRepeats] = useState<RepeatExperimentRecord[]>([]);
  useEffect(() => {
    let current = true;
    api.call('journal.repeats', {}).then(
      (result) => current && setRepeats(result.repeats),
      () => undefined, // an older lab without repeats: the list stays empty
    );
    return () => {
      current = false;
    };
  }, [api, runCount]);
  if (repeats.length === 0) return null;
  return (
    <section className="panel sweep-list" aria-labelledby="repeat-list-title">
      <header className="panel-head">
        <h2 id="repeat-list-title">Repeats</h2>
        <span className="muted small">{repeats.length}</span>
      </header>
      <div className="table-wrap">
        <table className="runs">
          <thead>
            <tr>
              <th>title</th>
              <th>when</th>
              <th>configurations</th>
              <th className="num">runs</th>
            </tr>
          </thead>
          <tbody>
            {repeats.map((repeat) => (
              <tr key={repeat.id}>
                <td>
                  <button type="button" className="link" onClick={() => openRepeat(repeat.id)}>
                    {repeat.title}
                  </button>
                </td>
                <td>{dateTime(repeat.startedAt)}</td>
                <td>{repeat.plan.groups.join(' / ')}</td>
                <td className="num">{repeat.runs.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
