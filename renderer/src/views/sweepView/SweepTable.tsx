// A sweep's steps as a table, in load order: what each asked for and achieved, how much was
// answered, the percentiles (≥ where only a lower bound) and errors, and the knee rule's verdict.
import type { SweepLatencyFigure, SweepStepView } from '../../../../common/labApi.ts';
import { completion, latency, rate } from '../../format/figures.ts';

const FIGURES: { key: SweepLatencyFigure; label: string }[] = [
  { key: 'p50', label: 'p50' },
  { key: 'p90', label: 'p90' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
];

/** `compact` (the Lab's narrow column): no p99.9, the verdict in a word with its reasons on hover. */
export function SweepTable({ steps, kneePerSec, onOpen, compact = false }: { steps: readonly SweepStepView[]; kneePerSec: number | null; onOpen?: (runId: string) => void; compact?: boolean }) {
  const sorted = [...steps].sort((a, b) => a.targetPerSec - b.targetPerSec);
  const figures = compact ? FIGURES.filter((figure) => figure.key !== 'p999') : FIGURES;
  return (
    <div className="table-wrap">
      <table className={`sweep-table${compact ? ' compact' : ''}`}>
        <thead>
          <tr>
            <th className="num">{compact ? 'target' : 'target (req/s)'}</th>
            <th className="num">{compact ? 'achieved' : 'achieved (req/s)'}</th>
            <th className="num">completion</th>
            {figures.map((figure) => (
              <th key={figure.key} className="num">
                {figure.label}
              </th>
            ))}
            <th className="num">errors</th>
            <th>verdict</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((step) => (
            <tr key={step.header.id} className={step.targetPerSec === kneePerSec ? 'knee' : undefined}>
              <td className="num">
                {onOpen === undefined ? (
                  rate(step.targetPerSec)
                ) : (
                  <button type="button" className="link" onClick={() => onOpen(step.header.id)} title="Open this step's run">
                    {rate(step.targetPerSec)}
                  </button>
                )}
                {step.kind === 'refine' ? ' (refine)' : ''}
              </td>
              <td className="num">{rate(step.achievedPerSec)}</td>
              <td className="num">{completion(step.completion)}</td>
              {figures.map((figure) => (
                <td key={figure.key} className="num">
                  {step.lowerBounds.includes(figure.key) && step.latencyUs[figure.key] !== null ? '≥ ' : ''}
                  {latency(step.latencyUs[figure.key])}
                </td>
              ))}
              <td className="num">{step.errorsPct === null ? 'unknown' : `${step.errorsPct.toPrecision(2)} %`}</td>
              <td className={step.good ? 'good' : 'bad'} title={compact ? step.reasons.join('; ') : undefined}>
                {step.targetPerSec === kneePerSec ? 'knee · ' : ''}
                {step.good ? 'good' : compact ? (step.gaveOut ? 'gave out' : 'not good') : `${step.gaveOut ? 'gave out' : 'not good'}: ${step.reasons.join('; ')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
