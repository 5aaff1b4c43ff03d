// Compare 2–6 runs (or groups of runs): their spectra and timelines overlaid in distinguishable
// colours and dashes, and the lab's table of changes against the first, with verdicts.
import { useEffect, useMemo, useState } from 'react';
import { COMPARE_MAX, COMPARE_MIN } from '../../store/actions/compareActions.ts';
import { groupRuns, type GroupBy } from '../../store/groupRuns.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { DASHES } from '../../theme/palette.ts';
import { useChartPalette } from '../../theme/PaletteContext.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { CompareCharts, type ComparedRun } from './CompareCharts.tsx';
import { ComparePicker } from './ComparePicker.tsx';
import { SweepCompare } from '../sweepView/SweepCompare.tsx';
import { CompareTable } from './CompareTable.tsx';

export function CompareView() {
  const selection = useLab((state) => state.selection);
  const runs = useLab((state) => state.journal.runs);
  const records = useLab((state) => state.records);
  const comparison = useLab((state) => state.comparison);
  const busy = useLab((state) => state.busy.compare === true);
  const { compare, navigate } = useActions();
  const palette = useChartPalette();
  const [groupBy, setGroupBy] = useState<GroupBy>('run');
  /** Sweeps overlaid above (SweepCompare); with them and no runs, the run comparison keeps quiet. */
  const sweepsOnly = useLab((state) => state.sweepPicks.length > 0 && state.selection.length === 0);

  const picked = useMemo(() => selection.flatMap((id) => runs.filter((run) => run.id === id)), [selection, runs]);
  const groups = useMemo(() => groupRuns(picked, groupBy), [picked, groupBy]);
  const ready = groups.length >= COMPARE_MIN && groups.length <= COMPARE_MAX;
  const groupsKey = JSON.stringify(groups);

  useEffect(() => {
    if (ready) void compare(groups);
    // groupsKey stands for groups' contents: a new array with the same runs is not a new comparison.
  }, [groupsKey, ready, compare]);

  /** Colour by group, dash by run within its group. */
  const compared: ComparedRun[] = useMemo(
    () =>
      groups.flatMap((group, groupIndex) =>
        group.ids.map((id, runIndex) => ({
          id,
          label: groups.length === picked.length ? group.label : `${group.label} · ${runs.find((run) => run.id === id)?.title ?? id}`,
          color: palette.series[groupIndex % palette.series.length] ?? palette.fg,
          dash: DASHES[(groupBy === 'run' ? groupIndex : runIndex) % DASHES.length] ?? '',
          record: records[id],
        })),
      ),
    [groups, picked.length, runs, records, palette, groupBy],
  );

  return (
    <div className="view compare-view">
      <SweepCompare />
      {!sweepsOnly && <ComparePicker picked={picked} groups={groups} groupBy={groupBy} onGroupBy={setGroupBy} compared={compared} />}
      <ErrorNote place="compare" prefix="Compare:" />
      <ErrorNote place="record" prefix="Could not read a run:" />
      {sweepsOnly ? null : !ready ? (
        <section className="panel">
          <EmptyState title={groups.length > COMPARE_MAX ? `${groups.length} groups: compare takes at most ${COMPARE_MAX}` : `Pick ${COMPARE_MIN}–${COMPARE_MAX} runs to compare`}>
            {groups.length > COMPARE_MAX ? (
              'Remove some runs, or group them by model, profile, commit or tags.'
            ) : (
              <>
                Tick runs in the{' '}
                <button type="button" className="link" onClick={() => navigate({ name: 'journal', runId: null })}>
                  Journal
                </button>{' '}
                or add them above. The first run (or group) is the baseline; the others are compared against it. To overlay sweeps, tick them in the Journal’s Sweeps list.
              </>
            )}
          </EmptyState>
        </section>
      ) : (
        <>
          <CompareCharts runs={compared} />
          {comparison !== null && JSON.stringify(comparison.groups) === groupsKey ? (
            <CompareTable comparison={comparison.result} groups={comparison.groups} colors={groups.map((_group, index) => palette.series[index % palette.series.length] ?? palette.fg)} />
          ) : (
            <section className="panel">
              <p className="muted">{busy ? 'Comparing…' : 'The comparison table appears here.'}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
