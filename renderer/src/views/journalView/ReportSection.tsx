// The report as a terminal showed it: wrk2's layout for a measured run (httperf's for a
// connection-rate run), the original text for an imported one.
import { useEffect, useMemo, useState } from 'react';
import { perRecord } from '../../charts/shape/perRecord.ts';
import { formatWrkReport } from '../../../../common/report/wrkReport.ts';
import { reportText } from '../../../../common/report/reportText.ts';
import { measuredRunRecordSchema, type RunRecord } from '../../../../common/runRecord.ts';

const measuredOf = perRecord((record: RunRecord) => (record.source === undefined ? measuredRunRecordSchema.safeParse(record) : null));
const textOf = perRecord((record: RunRecord) => reportText(record));
const uncorrectedTextOf = perRecord((record: RunRecord) => {
  const measured = measuredOf(record);
  return measured?.success === true ? formatWrkReport(measured.data, { latency: true, uncorrectedLatency: true }) : reportText(record);
});

export function ReportSection({ record }: { record: RunRecord }) {
  const [uncorrected, setUncorrected] = useState(false);
  // The report is below the charts: compute it after the first paint of the page.
  const [shown, setShown] = useState<RunRecord | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setShown(record), 0);
    return () => clearTimeout(timer);
  }, [record]);
  const measured = shown === null ? null : measuredOf(shown);
  const canShowUncorrected = measured?.success === true && measured.data.load.mode === 'rate' && measured.data.histograms.uncorrectedUs !== null;
  const text = useMemo(() => (shown === null ? null : uncorrected ? uncorrectedTextOf(shown) : textOf(shown)), [shown, uncorrected]);
  return (
    <section className="panel report" aria-labelledby="report-title">
      <header className="panel-head">
        <h2 id="report-title">{record.source !== undefined ? `Original ${record.source.tool} output` : record.load.mode === 'conn-rate' ? 'Report (httperf layout)' : 'Report (wrk2 layout)'}</h2>
        {canShowUncorrected && (
          <label className="check">
            <input type="checkbox" checked={uncorrected} onChange={(event) => setUncorrected(event.target.checked)} /> with the uncorrected latency (-U)
          </label>
        )}
      </header>
      <pre className="report-text">{text ?? 'Formatting the report…'}</pre>
    </section>
  );
}
