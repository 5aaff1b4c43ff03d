// `loadlab`: one small file per command; this one only wires them up.
import { Command, CommanderError } from 'commander';
import { terminalBlock } from '../common/terminalText.ts';
import { APP_VERSION } from '../common/version.ts';
import { UsageError } from './numbers.ts';
import { prestartBenchThreads } from './prestartThreads.ts';
import { errorMessage } from '../common/errorMessage.ts';

/**
 * The commands, each loaded only when it is the one asked for: `loadlab --help` and the start of
 * every command do not pay for loading the others (the load generator, the server, the journal,
 * the web host; zod, hdr-histogram-js and ws among them). `summary` is the line in `loadlab --help`.
 */
export const COMMANDS: readonly { name: string; summary: string; load(): Promise<Command> }[] = [
  { name: 'bench', summary: 'drive HTTP load like wrk2 and print its report', load: async () => (await import('./bench.ts')).benchCommand() },
  { name: 'httperf', summary: 'connection-rate load like httperf', load: async () => (await import('./httperf.ts')).httperfCommand() },
  { name: 'serve', summary: 'run the built-in server under test', load: async () => (await import('./serve.ts')).serveCommand() },
  { name: 'web', summary: 'run Loadlab in your browser', load: async () => (await import('./web.ts')).webCommand() },
  { name: 'journal', summary: 'the journal of runs: list, show, import, export, compare, sweeps, merge, rm, restore', load: async () => (await import('./journal.ts')).journalCommand() },
  { name: 'sweep', summary: 'constant-rate runs at increasing rates until the server gives out: the knee', load: async () => (await import('./sweep.ts')).sweepCommand() },
  { name: 'server', summary: 'your own servers: profiles to start, watch and load (add, list, show, rm, start, watch)', load: async () => (await import('./server.ts')).serverCommand() },
  { name: 'kube', summary: 'load from several machines as a Kubernetes Indexed Job (job, collect)', load: async () => (await import('./kube.ts')).kubeCommand() },
];

/** The command `argv` asks for (`loadlab NAME …` or `loadlab help NAME`), if any. */
function requestedCommand(argv: readonly string[]): string | undefined {
  return argv[2] === 'help' ? argv[3] : argv[2];
}

/** Exit status for bad flags or arguments, as wrk and most CLIs use. */
export const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  const program = new Command('loadlab')
    .description('Loadlab: drive HTTP load the way wrk2 does, measure it correctly, keep every run.')
    .version(APP_VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const requested = requestedCommand(argv);
  await prestartBenchThreads(argv);
  for (const { name, summary, load } of COMMANDS) {
    // The others are listed by name and summary only; they are never run from here.
    program.addCommand(name === requested ? (await load()).summary(summary) : new Command(name).summary(summary));
  }
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
      process.stderr.write(`loadlab: ${terminalBlock(error.message)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`loadlab: ${terminalBlock(errorMessage(error))}\n`);
    return 1;
  }
}
