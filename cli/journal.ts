// `loadlab journal`: list, show, import, export, rm and restore over the journal folder.
import { Command, Option } from 'commander';
import { runHeaderOf } from '../common/runHeader.ts';
import { headlineLines } from '../common/report/headline.ts';
import { reportText } from '../common/report/reportText.ts';
import type { RunRecord } from '../common/runRecord.ts';
import { describeServerInfo } from '../common/serverDescription.ts';
import { terminalBlock, terminalLine } from '../common/terminalText.ts';
import { journalFrom } from './journalFrom.ts';
import { formatRunTable } from './journalTable.ts';
import { journalOption } from './saveToJournal.ts';
import { compareCommand } from './journalCompare.ts';
import { exportCommand } from './journalExport.ts';
import { importCommand } from './journalImport.ts';
import { mergeCommand, shardLines } from './journalMerge.ts';
import { sweepsCommand } from './journalSweeps.ts';

function reportProblems(problems: readonly { file: string; reason: string }[]): void {
  for (const problem of problems) process.stderr.write(`loadlab: skipped ${terminalLine(problem.file)}: ${terminalLine(problem.reason)}\n`);
}

/** Every field from the record is data: one-line fields escaped whole, the report and notes as blocks. */
export function describeRun(record: RunRecord): string {
  const lines = [
    `# ${terminalLine(record.title)}`,
    '',
    `id:       ${terminalLine(record.id)}`,
    `started:  ${terminalLine(record.startedAt ?? 'unknown')}`,
    `tags:     ${record.tags.length > 0 ? terminalLine(record.tags.join(', ')) : '-'}`,
    `server:   ${terminalLine(describeServerInfo(record.server))}`,
  ];
  if (record.shard !== undefined) {
    const { shard } = record;
    const late = shard.latenessMs === null ? '' : `, started ${shard.latenessMs.toFixed(0)} ms late`;
    lines.push(terminalLine(`shard:    ${shard.index}/${shard.count} on ${shard.host}${late} (journal merge joins the shards)`));
  }
  if (record.merge !== undefined) lines.push('merged:', ...shardLines(record.merge));
  if (record.source !== undefined) lines.push(terminalLine(`source:   ${record.source.tool}${record.source.file !== undefined ? ` (${record.source.file})` : ''}, imported ${record.source.importedAt ?? ''}`.trimEnd()));
  lines.push(...headlineLines(record));
  lines.push('', terminalBlock(reportText(record).trimEnd()));
  if (record.notes.trim() !== '') lines.push('', '## Notes', '', terminalBlock(record.notes.trimEnd()));
  return `${lines.join('\n')}\n`;
}

export function journalCommand(): Command {
  const journal = new Command('journal').description('The journal of runs: list, show, import, export, compare, rm, restore.').addOption(journalOption());

  journal
    .command('list')
    .description('list runs, newest first')
    .option('--json', 'one JSON document: { runs: [headers], problems: [files skipped] }', false)
    .option('--trash', 'list the trash instead', false)
    .action(async (flags: { json: boolean; trash: boolean }, command: Command) => {
      const store = await journalFrom(command);
      const listing = flags.trash ? await store.listTrash() : await store.list();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      reportProblems(listing.problems);
      process.stdout.write(formatRunTable(listing.runs));
    });

  journal
    .command('show')
    .description("one run: its details, its report (wrk2's or httperf's layout, or the imported text) and notes")
    .argument('<id>', 'run id (see journal list)')
    .addOption(new Option('--json', 'the whole run record'))
    .action(async (id: string, flags: { json?: boolean }, command: Command) => {
      const record = await (await journalFrom(command)).get(id);
      process.stdout.write(flags.json === true ? `${JSON.stringify(record, null, 2)}\n` : describeRun(record));
    });

  journal
    .command('rm')
    .description('move runs to the trash (undo with restore)')
    .argument('<id...>', 'run ids')
    .action(async (ids: string[], _flags: unknown, command: Command) => {
      const store = await journalFrom(command);
      for (const id of ids) {
        await store.remove(id);
        process.stderr.write(`${terminalLine(`loadlab: moved ${id} to the trash (loadlab journal restore ${id} brings it back)`)}\n`);
      }
    });

  journal
    .command('restore')
    .description('bring runs back from the trash')
    .argument('<id...>', 'run ids')
    .action(async (ids: string[], _flags: unknown, command: Command) => {
      const store = await journalFrom(command);
      for (const id of ids) {
        await store.restore(id);
        const header = runHeaderOf(await store.get(id));
        process.stderr.write(`${terminalLine(`loadlab: restored ${id} (${header.title})`)}\n`);
      }
    });

  journal.addCommand(importCommand());
  journal.addCommand(exportCommand());
  journal.addCommand(compareCommand());
  journal.addCommand(sweepsCommand());
  journal.addCommand(mergeCommand());
  for (const command of journal.commands) command.addOption(journalOption());
  return journal;
}
