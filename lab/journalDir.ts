// Where the journal lives, for hosts that may import only lab/ (Electron's main): the same rule
// as the CLI's (--journal, else LOADLAB_JOURNAL, else the app's user-data folder + "journal").
export { resolveJournalDir } from '../journal/store/journalDir.ts';
