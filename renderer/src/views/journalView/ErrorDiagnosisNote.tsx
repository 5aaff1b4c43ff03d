// A run page's line on its errors: the dominant kind and its likely cause (a refused target, a
// name that does not resolve), so a run that never reached its server is not read as a slow one.
import type { RunRecord } from '../../../../common/runRecord.ts';
import { diagnoseErrors, endpointOf } from '../../format/errorDiagnosis.ts';

export function ErrorDiagnosisNote({ record }: { record: RunRecord }) {
  // An imported HdrHistogram log has no error counts: nothing to diagnose.
  if (record.summary.errors === null) return null;
  const endpoint = endpointOf(record.target.url);
  const diagnosis = diagnoseErrors(record.summary.errors, {
    where: endpoint?.where ?? null,
    host: endpoint?.host ?? null,
    timeoutMs: record.load.timeoutMs,
    connectCauses: record.summary.connectErrorCauses ?? null,
  });
  if (diagnosis === null) return null;
  // Errors outnumbering responses are the story of the run; a few among many are a detail.
  const dominant = diagnosis.count >= record.summary.requests;
  return (
    <div className={`note ${dominant ? 'error' : 'warn'} error-diagnosis`} role="status">
      {diagnosis.text}
    </div>
  );
}
