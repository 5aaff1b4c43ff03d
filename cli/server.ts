// `loadlab server`: profiles of servers that are not ours (add, list, show, rm) and starting one
// in the foreground (start) or watching any local process (watch).
import { Command, Option } from 'commander';
import { maxOf } from '../common/extent.ts';
import { terminalLine } from '../common/terminalText.ts';
import { PROFILE_SCHEMA, defaultUrl, formatReadySpec, type ServerProfile } from '../common/serverProfile.ts';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { openProfileStore, type ProfileStore } from '../journal/store/profiles.ts';
import { UsageError, durationOption } from './numbers.ts';
import { journalOption } from './saveToJournal.ts';
import { DEFAULT_READY_TIMEOUT_MS, envOption, readyHelp, readyOption, resolvedCwd } from './serverProfileFlags.ts';
import { startInForeground } from './serverStart.ts';
import { watchCommand } from './serverWatch.ts';
import type { ReadySpec } from '../common/serverProfile.ts';

interface AddFlags {
  cwd?: string;
  env: Record<string, string>;
  url?: string;
  ready?: ReadySpec;
  readyTimeout: number;
  restartEachRun: boolean;
  warmup: number;
  shell: boolean;
  replace: boolean;
}

export async function profilesFrom(command: Command): Promise<ProfileStore> {
  const flags = command.optsWithGlobals<{ journal?: string }>();
  return openProfileStore(resolveJournalDir({ flag: flags.journal }));
}

export function describeProfile(profile: ServerProfile): string {
  const env = Object.entries(profile.env).map(([key, value]) => `${key}=${value}`);
  return [
    `name:          ${profile.name}`,
    `command:       ${profile.shell ? `sh -c ${JSON.stringify(profile.command.join(' '))}` : profile.command.map((word) => (/[\s"'\\$]/.test(word) || word === '' ? JSON.stringify(word) : word)).join(' ')}`,
    `folder:        ${profile.cwd ?? '(where loadlab runs)'}`,
    `environment:   ${env.length === 0 ? '-' : env.join(' ')}`,
    `url:           ${profile.url ?? '-'}`,
    `ready:         ${formatReadySpec(profile.ready)} (timeout ${profile.readyTimeoutMs / 1000} s)`,
    `restart:       ${profile.restartEachRun ? 'before each run' : 'no (a server already running and ready is reused)'}`,
    `warm-up:       ${profile.warmupMs === 0 ? 'none' : `${profile.warmupMs / 1000} s`}`,
  ].join('\n');
}

export function serverCommand(): Command {
  const server = new Command('server').description("Servers that are not Loadlab's: profiles (how to start one, when it is ready), start one, watch any local process.").addOption(journalOption());

  server
    .command('add')
    .description('add a profile: loadlab server add NAME [options] -- COMMAND ARGS…')
    .argument('<name>', 'profile name (letters, digits, ".", "_", "-")')
    .argument('<command...>', 'the program and its arguments, after --')
    .option('--cwd <dir>', 'folder to run it in (default: the folder loadlab runs in)')
    .option('--env <NAME=VALUE>', 'extra environment variable (repeatable)', envOption, {})
    .option('--url <url>', 'URL that bench --server loads (default: from --ready when it names a port)')
    .option('--ready <check>', readyHelp, readyOption)
    .addOption(new Option('--ready-timeout <T>', 'how long it gets to become ready').argParser(durationOption('--ready-timeout')).default(DEFAULT_READY_TIMEOUT_MS, '30s'))
    .option('--restart-each-run', 'start a fresh process before each run', false)
    .addOption(new Option('--warmup <T>', 'load sent before each recorded run, not recorded').argParser(durationOption('--warmup')).default(0, 'none'))
    .option('--shell', 'run the command through sh -c (pipes, variables, &&)', false)
    .option('--replace', 'replace a profile of the same name', false)
    .action(async (name: string, words: string[], flags: AddFlags, command: Command) => {
      const profile: ServerProfile = {
        schema: PROFILE_SCHEMA,
        name,
        command: flags.shell ? [words.join(' ')] : words,
        shell: flags.shell,
        cwd: resolvedCwd(flags.cwd),
        env: flags.env,
        url: flags.url ?? defaultUrl(flags.ready ?? null),
        ready: flags.ready ?? null,
        readyTimeoutMs: flags.readyTimeout,
        restartEachRun: flags.restartEachRun,
        warmupMs: flags.warmup,
      };
      if (profile.url !== null && !/^https?:\/\//.test(profile.url)) throw new UsageError(`--url ${profile.url}: not an http:// URL`);
      const store = await profilesFrom(command);
      try {
        await store.put(profile, { replace: flags.replace });
      } catch (error) {
        if (error instanceof Error && error.name === 'ProfileError') throw new UsageError(error.message);
        throw error;
      }
      process.stdout.write(`${describeProfile(profile)}\n`);
      process.stderr.write(`loadlab: saved profile ${name} in ${store.dir}\n`);
    });

  server
    .command('list')
    .description('list the profiles')
    .option('--json', 'one JSON document: { profiles, problems }', false)
    .action(async (flags: { json: boolean }, command: Command) => {
      const listing = await (await profilesFrom(command)).list();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      for (const problem of listing.problems) process.stderr.write(`loadlab: skipped ${problem.file}: ${problem.reason}\n`);
      if (listing.profiles.length === 0) {
        process.stdout.write('no server profiles (add one: loadlab server add NAME --ready tcp:PORT -- COMMAND ARGS…)\n');
        return;
      }
      const rows = listing.profiles.map((profile) => [profile.name, formatReadySpec(profile.ready), profile.command.join(' ')].map(terminalLine));
      const width = maxOf(rows.map((row) => (row[0] ?? '').length), 4);
      const readyWidth = maxOf(rows.map((row) => (row[1] ?? '').length), 5);
      process.stdout.write([['name', 'ready', 'command'], ...rows].map(([a = '', b = '', c = '']) => `${a.padEnd(width)}  ${b.padEnd(readyWidth)}  ${c}`).join('\n') + '\n');
    });

  server
    .command('show')
    .description('show a profile')
    .argument('<name>')
    .option('--json', 'the profile file', false)
    .action(async (name: string, flags: { json: boolean }, command: Command) => {
      const profile = await getProfile(await profilesFrom(command), name);
      process.stdout.write(flags.json ? `${JSON.stringify(profile, null, 2)}\n` : `${describeProfile(profile)}\n`);
    });

  server
    .command('rm')
    .description('remove a profile')
    .argument('<name>')
    .action(async (name: string, _flags: unknown, command: Command) => {
      const store = await profilesFrom(command);
      await getProfile(store, name);
      await store.remove(name);
      process.stderr.write(`loadlab: removed profile ${name}\n`);
    });

  server
    .command('start')
    .description('start a profile in the foreground: readiness, then its log, until Ctrl-C (its whole process group is stopped)')
    .argument('<name>')
    .action(async (name: string, _flags: unknown, command: Command) => {
      process.exitCode = await startInForeground(await getProfile(await profilesFrom(command), name));
    });

  server.addCommand(watchCommand());
  // Bad flags of a subcommand reach main() as a CommanderError: exit status 2, as elsewhere.
  for (const sub of server.commands) sub.exitOverride();
  return server;
}

export async function getProfile(store: ProfileStore, name: string): Promise<ServerProfile> {
  try {
    return await store.get(name);
  } catch (error) {
    if (error instanceof Error && error.name === 'ProfileError') throw new UsageError(error.message);
    throw error;
  }
}
