// `--save` for the commands that measure (bench, httperf): the run goes into the journal with an
// optional title, notes and tags. `--journal DIR` picks the journal (else LOADLAB_JOURNAL, else
// the app's user-data folder).
import { Command, Option } from 'commander';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { normaliseTags, openJournal } from '../journal/store/journal.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { UsageError } from './numbers.ts';

export interface SaveFlags {
  save: boolean;
  title?: string;
  notes?: string;
  tag: string[];
  journal?: string;
}

export function journalOption(): Option {
  return new Option('--journal <dir>', 'journal folder (default: $LOADLAB_JOURNAL, else the app\'s user-data folder)');
}

export function addSaveOptions(command: Command): Command {
  return command
    .option('--save', 'keep the run in the journal', false)
    .option('--title <text>', 'title of the saved run (with --save)')
    .option('--notes <markdown>', 'notes of the saved run (with --save)')
    .option('--tag <tag>', 'tag the saved run (repeatable, with --save)', (tag: string, all: string[]) => [...all, tag], [])
    .addOption(journalOption());
}

/** Refuses --title/--notes/--tag without --save before the run, not after it. */
export function checkSaveFlags(flags: SaveFlags): void {
  if (flags.save) return;
  const stray = [flags.title !== undefined && '--title', flags.notes !== undefined && '--notes', flags.tag.length > 0 && '--tag'].filter((flag) => flag !== false);
  if (stray.length > 0) throw new UsageError(`${stray.join(', ')} only apply with --save`);
}

/** The record with the title, notes and tags of --save (also for the fallback file). */
export function savedForm(record: MeasuredRunRecord, flags: SaveFlags): MeasuredRunRecord {
  if (!flags.save) return record;
  return {
    ...record,
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
    tags: normaliseTags(flags.tag),
  };
}

/** Saves the run; returns where, for the message on stderr. */
export async function saveRun(record: MeasuredRunRecord, flags: SaveFlags): Promise<{ id: string; dir: string }> {
  const dir = resolveJournalDir({ flag: flags.journal });
  const journal = await openJournal(dir);
  await journal.put(savedForm(record, flags));
  return { id: record.id, dir };
}
