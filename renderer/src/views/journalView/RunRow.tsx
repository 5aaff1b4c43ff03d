// One run in the journal list.
import { memo } from 'react';
import { isIncomplete } from '../../../../common/censored.ts';
import { buildLabel, type RunHeader } from '../../../../common/runHeader.ts';
import type { BoundedStat } from '../../../../common/runRecord.ts';
import * as figures from '../../format/figures.ts';
import { useActions } from '../../store/LabContext.tsx';

export const RunRow = memo(function RunRow({ run, picked }: { run: RunHeader; picked: boolean }) {
  const { toggleSelect, openRun } = useActions();
  return (
    <tr className={picked ? 'picked' : undefined}>
      <td className="pick">
        <input type="checkbox" checked={picked} onChange={() => toggleSelect(run.id)} aria-label={`Pick ${run.title}`} />
      </td>
      <td className="run-cell">
        <button type="button" className="link run-title" onClick={() => openRun(run.id)}>
          {run.title || run.id}
        </button>
        <span className="run-meta">
          {run.sourceTool !== null && <span className="badge">{run.sourceTool} import</span>}
          {run.serverModel !== null && <span className="badge model">{run.serverModel}</span>}
          {run.serverProfile !== null && (
            <span className="badge model" title="The server profile it ran">
              {run.serverProfile}
            </span>
          )}
          {run.build !== null && (
            <span className="badge build" title={`The server's build: commit ${run.build.commit}${run.build.branch === null ? '' : ` on ${run.build.branch}`}${run.build.dirty ? ', with uncommitted changes' : ''}`}>
              @{buildLabel(run.build)}
            </span>
          )}
          {run.stoppedEarly === true && <span className="badge warn">stopped early</span>}
          {isIncomplete(run.completion) && (
            <span className="badge warn" title={`${figures.count(run.unanswered)} scheduled requests got no response; latencies marked ≥ are lower bounds`}>
              incomplete: {figures.completion(run.completion)}
            </span>
          )}
          {run.hasNotes && <span className="badge">notes</span>}
          {run.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      </td>
      <td className="muted wrap-narrow">{figures.dateTime(run.startedAt ?? run.importedAt)}</td>
      <td className="mono wrap-narrow">
        {/* Wraps between flags, never inside one ("-" then "R100"), nor inside "30 s". */}
        {loadParts(run).map((part, index) => (
          <span key={index} className="nowrap">
            {index > 0 ? ' ' : ''}
            {part}
          </span>
        ))}
      </td>
      <td className="num">
        {figures.rate(run.reqPerSec)}
        {run.completion !== null && (
          <div className={isIncomplete(run.completion) ? 'completion bad' : 'completion muted'} title="completion: answered / scheduled">
            {figures.completion(run.completion)}
          </div>
        )}
      </td>
      <td className={run.p50Us === null ? 'num unknown' : 'num'}>{latencyText(run, run.p50Us, 'p50')}</td>
      <td className={run.p99Us === null ? 'num unknown' : 'num'}>{latencyText(run, run.p99Us, 'p99')}</td>
      <td className={run.maxUs === null ? 'num unknown' : 'num'}>{latencyText(run, run.maxUs, 'max')}</td>
      <td className={run.errors === null ? 'num unknown' : `num${run.errors > 0 ? ' bad' : ''}`}>{run.errors === null ? notInSource(run) : figures.count(run.errors)}</td>
    </tr>
  );
});

/** An HdrHistogram log holds latencies only: "not in the log"; other sources "unknown". */
function notInSource(run: RunHeader): string {
  return run.sourceTool === 'hlog' ? 'not in the log' : figures.UNKNOWN;
}

function latencyText(run: RunHeader, valueUs: number | null, stat: BoundedStat): string {
  return figures.boundedLatency({ valueUs, lowerBound: run.latencyLowerBounds.includes(stat) });
}

function loadParts(run: RunHeader): string[] {
  const parts: string[] = [];
  if (run.mode === 'conn-rate') {
    parts.push(`conn ${run.ratePerSec ?? '?'}/s`);
  } else {
    parts.push(`-t${run.threads ?? '?'}`, `-c${run.connections ?? '?'}`);
    if (run.ratePerSec !== null) parts.push(`-R${run.ratePerSec}`);
  }
  if (run.durationMs !== null) parts.push(figures.duration(run.durationMs));
  return parts;
}
