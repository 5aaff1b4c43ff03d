// `loadlab`: one small file per command; this one only wires them up.
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../common/version.ts';
import { benchCommand } from './bench.ts';
import { httperfCommand } from './httperf.ts';
import { journalCommand } from './journal.ts';
import { UsageError } from './numbers.ts';
import { serveCommand } from './serve.ts';
import { sweepCommand } from './sweep.ts';
import { webCommand } from './web.ts';

/** Exit status for bad flags or arguments, as wrk and most CLIs use. */
export const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  const program = new Command('loadlab')
    .description('Loadlab: drive HTTP load the way wrk2 does, measure it correctly, keep every run.')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.addCommand(benchCommand());
  program.addCommand(httperfCommand());
  program.addCommand(serveCommand());
  program.addCommand(webCommand());
  program.addCommand(journalCommand());
  program.addCommand(sweepCommand());
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`loadlab: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`loadlab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
