// The runs being compared: their colours and dashes (the legend of every chart below), removal,
// adding another run, and how runs are grouped.
import { useId } from 'react';
import type { RunHeader } from '../../../../common/runHeader.ts';
import type { CompareGroup, GroupBy } from '../../store/groupRuns.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { newestFirst } from '../../store/selectors.ts';
import { ExportMenu } from '../../ui/ExportMenu.tsx';
import type { ComparedRun } from './CompareCharts.tsx';

const GROUPINGS: { value: GroupBy; label: string }[] = [
  { value: 'run', label: 'each run alone' },
  { value: 'model', label: 'server model' },
  { value: 'profile', label: 'server profile' },
  { value: 'build', label: 'commit' },
  { value: 'profile-build', label: 'profile and commit' },
  { value: 'tags', label: 'tag set' },
];

interface Props {
  picked: RunHeader[];
  groups: CompareGroup[];
  groupBy: GroupBy;
  onGroupBy(groupBy: GroupBy): void;
  compared: ComparedRun[];
}

export function ComparePicker({ picked, groups, groupBy, onGroupBy, compared }: Props) {
  const runs = useLab((state) => state.journal.runs);
  const { toggleSelect, openRun } = useActions();
  const ids = { add: useId(), group: useId() };
  const others = newestFirst(runs).filter((run) => !picked.some((pick) => pick.id === run.id));
  return (
    <section className="panel compare-picker" aria-labelledby="compare-title">
      <header className="panel-head">
        <h2 id="compare-title">
          Compare <span className="muted">{picked.length} run{picked.length === 1 ? '' : 's'} in {groups.length} group{groups.length === 1 ? '' : 's'}; the first is the baseline</span>
        </h2>
        <label htmlFor={ids.group} className="inline">
          Group by
          <select id={ids.group} value={groupBy} onChange={(event) => onGroupBy(event.target.value as GroupBy)}>
            {GROUPINGS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {/* The export's comparison groups the runs as they are grouped here. */}
        <ExportMenu ids={picked.map((run) => run.id)} groups={groupBy === 'run' ? [] : groups} />
      </header>
      {compared.length > 0 && (
        <ol className="compared-runs">
          {compared.map((run, index) => (
            <li key={run.id}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="28" y2="5" stroke={run.color} strokeWidth="2.5" strokeDasharray={run.dash} />
              </svg>
              <span className="compared-letter">{index === 0 ? 'baseline' : ''}</span>
              <button type="button" className="link" onClick={() => openRun(run.id)}>
                {run.label}
              </button>
              {run.record?.source !== undefined && <span className="badge">{run.record.source.tool} import</span>}
              <button type="button" className="icon" aria-label={`Remove ${run.label} from the comparison`} onClick={() => toggleSelect(run.id)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={ids.add} className="inline">
        Add a run
        <select
          id={ids.add}
          value=""
          onChange={(event) => {
            if (event.target.value !== '') toggleSelect(event.target.value);
          }}
        >
          <option value="">choose…</option>
          {others.slice(0, 500).map((run) => (
            <option key={run.id} value={run.id}>
              {run.title || run.id}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
