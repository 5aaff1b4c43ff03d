// The message Import… shows when it is done: pure, so its wording is tested.
import type { ImportSummary } from '../common/labApi.ts';

export interface UnreadFile {
  file: string;
  message: string;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function importReport(summary: ImportSummary, unread: readonly UnreadFile[]): { title: string; detail: string; failed: boolean } {
  const errors = [...unread, ...summary.errors];
  const lines = [
    `${plural(summary.added.length, 'run')} added to the journal.`,
    ...(summary.existing.length > 0 ? [`${plural(summary.existing.length, 'run')} already there, left as they were.`] : []),
    ...summary.refused.map((run) => `${run.file}: run ${run.runId ?? '(no id)'} refused: ${run.message}`),
    ...errors.map((error) => `${error.file}: ${error.message}`),
    ...summary.warnings.map((warning) => `${warning.file} (warning): ${warning.message}`),
  ];
  const failed = summary.added.length === 0 && summary.existing.length === 0;
  return { title: failed ? 'Nothing was imported' : 'Import finished', detail: lines.join('\n'), failed };
}
