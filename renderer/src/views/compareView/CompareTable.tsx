// The lab's comparison: per metric the baseline's value, each other group's value and its change,
// coloured by direction, with the verdict on run-to-run spread.
import type { CompareResult } from '../../../../common/labApi.ts';
import { isIncomplete } from '../../../../common/censored.ts';
import { formatGroupValue, type MetricKey } from '../../../../common/compare.ts';

/** A completion below 99 % is flagged (red) like everywhere else. */
function flagged(key: MetricKey, median: number | null): boolean {
  return key === 'completion' && isIncomplete(median);
}
import type { CompareGroup } from '../../store/groupRuns.ts';

export function CompareTable({ comparison, groups, colors }: { comparison: CompareResult; groups: readonly CompareGroup[]; colors: readonly string[] }) {
  return (
    <section className="panel" aria-labelledby="compare-table-title">
      <header className="panel-head">
        <h2 id="compare-table-title">Changes against the baseline</h2>
        <span className="muted">median of each group’s runs; a verdict needs 2 or more runs per group (group by model, profile, commit or tags)</span>
      </header>
      <div className="table-wrap">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">metric</th>
              {groups.map((group, index) => (
                <th scope="col" key={`${group.label}${index}`} className="num">
                  <span className="swatch" style={{ background: colors[index] }} />
                  {index === 0 ? 'baseline: ' : ''}
                  {group.label}
                  {group.ids.length > 1 && <span className="muted"> ({group.ids.length} runs)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.metrics.map((row) => (
              <tr key={row.metric.key}>
                <th scope="row">
                  {row.metric.label} <span className="muted">{row.metric.better === 'higher' ? '↑ better' : '↓ better'}</span>
                </th>
                <td className={flagged(row.metric.key, row.baseline.median) ? 'num bad' : 'num'}>{row.baseline.median === null ? <span className="unknown">unknown</span> : formatGroupValue(row.metric, row.baseline)}</td>
                {row.others.map(({ value, change }, index) => (
                  <td key={index} className="num">
                    <div className={flagged(row.metric.key, value.median) ? 'bad' : undefined}>{value.median === null ? <span className="unknown">unknown</span> : formatGroupValue(row.metric, value)}</div>
                    {(row.baseline.median !== null || value.median !== null) && (
                      <div className={`change ${change.direction ?? 'unknown'}`} title={change.sentence}>
                        {change.changeText}
                      </div>
                    )}
                    {change.verdict !== null && (
                      <div className={`verdict ${change.verdict}`} title={change.sentence}>
                        {change.verdictText}
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
