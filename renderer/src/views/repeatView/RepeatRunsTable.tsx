// A repeat's runs as a table, in the order they ran: which configuration, and each run's
// headline figures (≥ where only a lower bound).
import type { RepeatRunView } from '../../../../common/labApi.ts';
import { completion, count, latency, rate } from '../../format/figures.ts';

export function RepeatRunsTable({ runs, groups, onOpen }: { runs: readonly RepeatRunView[]; groups: readonly string[]; onOpen?: (runId: string) => void }) {
  const bound = (run: RepeatRunView, stat: 'p50' | 'p99'): string => (run.header.latencyLowerBounds.includes(stat) ? '≥ ' : '');
  return (
    <div className="table-wrap">
      <table className="repeat-table">
        <thead>
          <tr>
            <th className="num">#</th>
            {groups.length > 1 && <th>configuration</th>}
            <th className="num">req/s</th>
            <th className="num">completion</th>
            <th className="num">p50</th>
            <th className="num">p99</th>
            <th className="num">errors</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.header.id}>
              <td className="num">
                {onOpen === undefined ? (
                  run.order + 1
                ) : (
                  <button type="button" className="link" onClick={() => onOpen(run.header.id)} title={`Open run ${run.header.id}`}>
                    {run.order + 1}
                  </button>
                )}
              </td>
              {groups.length > 1 && <td>{groups[run.group] ?? '?'}</td>}
              <td className="num">{rate(run.header.reqPerSec)}</td>
              <td className="num">{completion(run.header.completion)}</td>
              <td className="num">
                {bound(run, 'p50')}
                {latency(run.header.p50Us)}
              </td>
              <td className="num">
                {bound(run, 'p99')}
                {latency(run.header.p99Us)}
              </td>
              <td className="num">{count(run.header.errors)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
