// HdrHistogram interval logs (.hlog), readable by HdrHistogram's HistogramLogReader and tools
// such as HistogramLogAnalyzer. The record's series keeps percentiles per interval, not
// histograms, so the log cannot have one interval per series point: it holds the whole run's
// corrected histogram as one interval spanning the run, and, when the run has one, the
// uncorrected histogram as a second interval tagged "uncorrected". Values are microseconds.
import { HistogramLogWriter } from 'hdr-histogram-js';
import { decodeHistogram } from '../../common/histogram.ts';
import type { RunRecord } from '../../common/runRecord.ts';

export const UNCORRECTED_TAG = 'uncorrected';
/** The interval lines' max column is in ms (values / 1000), as HdrHistogram logs of µs usually are. */
const MAX_VALUE_UNIT_RATIO = 1000;

/** The run's .hlog, or null when it has no histogram (an imported report without one). */
export function exportHlog(record: RunRecord): string | null {
  const corrected = record.histograms.correctedUs;
  if (corrected === null) return null;
  let text = '';
  const writer = new HistogramLogWriter((chunk) => {
    text += chunk;
  });
  const startMs = record.startedAt === null ? Number.NaN : Date.parse(record.startedAt);
  const lengthS = record.summary.durationMs / 1000;
  writer.outputLogFormatVersion();
  writer.outputComment(`[Loadlab run ${oneLine(record.id)}: ${oneLine(record.title)}]`);
  writer.outputComment('[Values in microseconds; Interval_Max in milliseconds]');
  if (Number.isFinite(startMs)) {
    // Written here rather than with outputStartTime, which ends the comment with an extra blank line.
    const startS = (startMs / 1000).toFixed(3);
    writer.outputComment(`[StartTime: ${startS} (seconds since epoch), ${new Date(startMs).toISOString()}]`);
    writer.outputComment(`[BaseTime: ${startS} (seconds since epoch)]`);
  }
  writer.outputLegend();
  writeInterval(writer, corrected, '', lengthS);
  const uncorrected = record.histograms.uncorrectedUs;
  if (uncorrected !== null) writeInterval(writer, uncorrected, UNCORRECTED_TAG, lengthS);
  return text;
}

function writeInterval(writer: HistogramLogWriter, encoded: string, tag: string, lengthS: number): void {
  const histogram = decodeHistogram(encoded);
  try {
    if (tag !== '') histogram.tag = tag;
    writer.outputIntervalHistogram(histogram, 0, lengthS, MAX_VALUE_UNIT_RATIO);
  } finally {
    histogram.destroy();
  }
}

/** Comments are one line each, and a "]" would end the bracketed field early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\]]+/g, ' ');
}
