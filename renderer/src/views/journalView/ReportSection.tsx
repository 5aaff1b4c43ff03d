// The report as a terminal showed it: wrk2's layout for a measured run (httperf's for a
// connection-rate run), the original text for an imported one.
import { useMemo, useState } from 'react';
import { formatWrkReport } from '../../../../common/report/wrkReport.ts';
import { reportText } from '../../../../common/report/reportText.ts';
import { measuredRunRecordSchema, type RunRecord } from '../../../../common/runRecord.ts';

export function ReportSection({ record }: { record: RunRecord }) {
  const [uncorrected, setUncorrected] = useState(false);
  const measured = useMemo(() => (record.source === undefined ? measuredRunRecordSchema.safeParse(record) : null), [record]);
  const canShowUncorrected = measured?.success === true && measured.data.load.mode === 'rate' && measured.data.histograms.uncorrectedUs !== null;
  const text = useMemo(() => {
    if (uncorrected && measured?.success === true) return formatWrkReport(measured.data, { latency: true, uncorrectedLatency: true });
    return reportText(record);
  }, [record, measured, uncorrected]);
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
      <pre className="report-text">{text}</pre>
    </section>
  );
}
