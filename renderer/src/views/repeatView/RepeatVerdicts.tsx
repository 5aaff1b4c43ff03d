// What a repeat's runs say: with two or more configurations, Compare's verdict per metric against
// the first ("B is X % faster, 95 % interval Y–Z %" only when the interval excludes no change);
// with one configuration, each metric's median and range over its runs.
import { formatGroupValue, formatValue } from '../../../../common/compare.ts';
import type { RepeatView } from '../../../../common/labApi.ts';

/** The metrics a repeat's page shows (Compare shows them all). */
const SHOWN = new Set(['reqPerSec', 'completion', 'p50Us', 'p99Us', 'errors']);

export function RepeatVerdicts({ view }: { view: RepeatView }) {
  if (view.comparison !== null) {
    const { comparison } = view;
    return (
      <div className="repeat-verdicts" data-testid="repeat-verdicts">
        <h2>Verdict against {comparison.baselineLabel}</h2>
        <ul>
          {comparison.metrics
            .filter((row) => SHOWN.has(row.metric.key))
            .flatMap((row) =>
              row.others.map((other) => (
                <li key={`${row.metric.key}-${other.value.label}`} className={other.change.verdict === 'different' ? `verdict ${other.change.direction ?? ''}` : 'verdict'}>
                  <strong>{other.value.label}</strong>: {row.metric.label} {formatGroupValue(row.metric, other.value)} against {formatGroupValue(row.metric, row.baseline)} — {other.change.changeText}
                  {other.change.verdictText === '' ? '' : `, ${other.change.verdictText}`}
                </li>
              )),
            )}
        </ul>
      </div>
    );
  }
  if (view.spread !== null) {
    const { spread } = view;
    return (
      <div className="repeat-verdicts" data-testid="repeat-verdicts">
        <h2>{spread.label}: the spread of its runs</h2>
        <p className="muted">One configuration, so there is nothing to compare it with: the noise between its runs is what a later change must stand out from. Tick other models in the Repeat box to alternate them.</p>
        <ul>
          {spread.metrics
            .filter((row) => SHOWN.has(row.metric.key))
            .map((row) => (
              <li key={row.metric.key}>
                {row.metric.label}: median {formatGroupValue(row.metric, row.value)}
                {row.value.min !== null && row.value.max !== null && row.value.knownRuns > 1
                  ? `, range ${row.value.lowerBound ? '≥ ' : ''}${formatValue(row.metric, row.value.min)} – ${formatValue(row.metric, row.value.max)} over ${row.value.knownRuns} runs`
                  : ''}
              </li>
            ))}
        </ul>
      </div>
    );
  }
  return <p className="muted">No run of this repeat is left in the journal.</p>;
}
