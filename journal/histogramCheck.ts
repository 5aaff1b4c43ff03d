// A record's histograms decoded once at import, so a corrupt one is refused there (naming the
// run) instead of failing every later export that draws its spectrum or writes its .hlog.
import { decodeHistogram } from '../common/histogram.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { errorMessage } from '../common/errorMessage.ts';

/** Null when every histogram decodes; else what is wrong, naming the field. */
export function histogramProblem(record: RunRecord): string | null {
  for (const field of ['correctedUs', 'uncorrectedUs'] as const) {
    const encoded = record.histograms[field];
    if (encoded === null) continue;
    try {
      decodeHistogram(encoded).destroy();
    } catch (error) {
      return `histograms.${field} is not a compressed HdrHistogram (${errorMessage(error)})`;
    }
  }
  return null;
}
