// `loadlab web` in this process on a temporary journal, the page built first when it is missing
// or stale (bin/build.js; a failed build fails the test with its output).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../../bin/build.js';
import { startWeb, type RunningWeb } from '../../cli/web.ts';
import type { RunRecord } from '../../common/runRecord.ts';
import { openJournal } from '../../journal/store/journal.ts';

export interface WebLab extends RunningWeb {
  /** Closes the host and the lab (once, however often called) and removes the journal. */
  dispose(): Promise<void>;
}

/** `records` are put in the journal before the lab opens it. */
export async function startWebLab(records: readonly RunRecord[] = []): Promise<WebLab> {
  const journal = mkdtempSync(join(tmpdir(), 'loadlab-e2e-'));
  if (records.length > 0) {
    const store = await openJournal(journal);
    for (const record of records) await store.put(record);
  }
  ensureBuilt(['renderer'], (line) => console.log(line));
  const web = await startWeb({ host: '127.0.0.1', port: 0, journal });
  let closing: Promise<void> | null = null;
  // A test may close the host early (to see the page lose it); closing again is a no-op.
  const close = (): Promise<void> => (closing ??= web.close());
  return {
    ...web,
    close,
    async dispose() {
      await close();
      rmSync(journal, { recursive: true, force: true });
    },
  };
}
