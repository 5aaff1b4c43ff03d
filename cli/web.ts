// `loadlab web`: the whole app in a browser. Starts the lab and the web host on 127.0.0.1,
// prints the address with its token, opens the browser, and on Ctrl-C closes both.
import { Command } from 'commander';
import { resolveJournalDir } from '../journal/store/journalDir.ts';
import { createLab } from '../lab/lab.ts';
import { commandPolicy } from '../lab/profileServerSlot.ts';
import { isLoopback } from '../lab/web/requestChecks.ts';
import { startWebHost } from '../lab/web/webHost.ts';
import { portOption } from './numbers.ts';
import { openBrowser } from './openBrowser.ts';
import { defaultRendererDir, requireRendererBuilt } from './rendererBuild.ts';

export interface WebOptions {
  host: string;
  port: number;
  /** --journal; else LOADLAB_JOURNAL, else the app's user-data folder. */
  journal?: string | undefined;
  rendererDir?: string;
  /** --allow-commands: start profiles' commands even when bound off loopback. */
  allowCommands?: boolean;
}

export interface RunningWeb {
  url: string;
  journalDir: string;
  /** The bound address is loopback. */
  loopback: boolean;
  /** Closes the host, then the lab (which stops a run and the server); nothing is left listening. */
  close(): Promise<void>;
}

/** Everything `loadlab web` does but printing, opening a browser and waiting for Ctrl-C. */
export async function startWeb({ host, port, journal, rendererDir = defaultRendererDir, allowCommands = false }: WebOptions): Promise<RunningWeb> {
  const journalDir = resolveJournalDir({ flag: journal });
  await requireRendererBuilt(rendererDir);
  const lab = await createLab({ journalDir, host: 'web', commands: commandPolicy(host, allowCommands) });
  try {
    const web = await startWebHost({ lab, host, port, rendererDir });
    return {
      url: web.url,
      journalDir,
      loopback: isLoopback(web.address.address),
      async close() {
        await web.close();
        await lab.close();
      },
    };
  } catch (error) {
    await lab.close();
    throw error;
  }
}

interface WebFlags {
  host: string;
  port: number;
  open: boolean;
  journal?: string;
  allowCommands: boolean;
}

export function webCommand(): Command {
  return new Command('web')
    .description('Run Loadlab in your browser: serves the app and its API on this machine and opens the page.')
    .option('--host <H>', 'address to listen on (anything but loopback exposes the lab to your network)', '127.0.0.1')
    .option('--port <P>', 'port to listen on (0 for any free one)', portOption('--port'), 0)
    .option('--no-open', 'do not open a browser; just print the address')
    .option('--journal <DIR>', 'journal folder (default: LOADLAB_JOURNAL, else the app’s user-data folder)')
    .option('--allow-commands', 'with a --host off loopback: let the page start server profiles (it runs their commands here)', false)
    .action(async (flags: WebFlags) => {
      process.exitCode = await runWeb(flags);
    });
}

function warnExposed(host: string, url: string): string {
  const port = new URL(url).port;
  return [
    '',
    `loadlab: WARNING: --host ${host} is not a loopback address. Anyone who can reach this machine on port ${port}`,
    'loadlab: WARNING: and gets the token can run load from it and read and delete your journal, and the token',
    'loadlab: WARNING: travels unencrypted (plain HTTP). Use the default --host 127.0.0.1 unless you mean this.',
    '',
  ].join('\n');
}

async function runWeb(flags: WebFlags): Promise<number> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const running = await startWeb({ host: flags.host, port: flags.port, journal: flags.journal, allowCommands: flags.allowCommands });
  if (!running.loopback) log(warnExposed(flags.host, running.url));
  process.stdout.write(`Loadlab is at ${running.url}\n  journal: ${running.journalDir}\n  Ctrl-C stops it. The address holds the access token: keep it to yourself.\n`);
  if (flags.open) {
    const failure = await openBrowser(running.url);
    if (failure !== null) log(`loadlab: could not open a browser (${failure}); open the address above yourself`);
  }
  await new Promise<void>((resolve) => {
    const onSignal = (): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      log('\nloadlab: stopping (a run in progress is stopped and saved; Ctrl-C again to quit at once)');
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await running.close();
  process.stdout.write('stopped\n');
  return 0;
}
