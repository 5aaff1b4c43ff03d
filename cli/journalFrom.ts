// The journal a `loadlab journal …` subcommand works on. Its own module so that cli/journal.ts
// and the subcommand files it registers do not import each other.
import type { Command } from 'commander';
import { openJournal, type Journal } from '../journal/store/journal.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';

interface JournalFlags {
  journal?: string;
}

/** Opens the journal named by --journal (on the subcommand or on `journal`). */
export async function journalFrom(command: Command): Promise<Journal> {
  const flags = command.optsWithGlobals<JournalFlags>();
  return openJournal(resolveJournalDir({ flag: flags.journal }));
}
