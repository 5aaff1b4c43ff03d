// One entry point for a sweep's exports, shared by the CLI and the lab: the experiment and its
// runs in, files out (the primary file first). The steps and knee are recomputed from the runs;
// runs no longer in the journal are named in the export, not invented.
import type { ExperimentRecord } from '../../common/experimentRecord.ts';
import { sweepExportFormatSchema, type SweepExportFormat } from '../../common/labApi.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { safeStem, type ExportFile } from '../../journal/export/fileNames.ts';
import { sweepView } from '../stepView.ts';
import { sweepFromRecords } from '../sweepRecord.ts';
import { sweepCsv, sweepJson } from './sweepData.ts';
import { sweepHtml } from './sweepHtml.ts';
import { sweepMarkdown } from './sweepMarkdown.ts';

export const SWEEP_EXPORT_FORMATS = sweepExportFormatSchema.options;
export type { SweepExportFormat };

/**
 * - md: `<id>.md` and `<id>-curve.svg` beside it;
 * - html: `<id>.html`, self-contained with the curve inline;
 * - json: `<id>.json`, the experiment, the knee and each step with its run's summary;
 * - csv: `<id>.csv`, one row per step.
 */
export function exportSweep(experiment: ExperimentRecord, runs: ReadonlyMap<string, RunRecord>, format: SweepExportFormat): ExportFile[] {
  const { result, missing } = sweepFromRecords(experiment, runs);
  const view = sweepView(experiment, result, missing);
  const stem = safeStem(experiment.id);
  switch (format) {
    case 'md': {
      const { markdown, files } = sweepMarkdown(view, result, stem);
      return [{ name: `${stem}.md`, content: markdown }, ...files];
    }
    case 'html':
      return [{ name: `${stem}.html`, content: sweepHtml(view) }];
    case 'json':
      return [{ name: `${stem}.json`, content: sweepJson(view, runs) }];
    case 'csv':
      return [{ name: `${stem}.csv`, content: sweepCsv(view) }];
  }
}
