// `loadlab server watch --pid N | --port N`: the process telemetry of any local server, one line
// per interval (what `bench --server-pid/--server-port` records), until Ctrl-C or --count lines.
import { Command, Option } from 'commander';
import type { ProcessTelemetryPoint } from '../common/processTelemetry.ts';
import { processByPid, processByPort } from '../targets/attach.ts';
import { sampleDuringRun, samplerFor } from '../targets/processSampler.ts';
import { durationOption, metricOption, portOption, UsageError } from './numbers.ts';

const known = (value: number | null, format: (v: number) => string): string => (value === null ? '?' : format(value));

export function formatPoint(point: ProcessTelemetryPoint): string {
  const listeners = point.listeners?.map((l) => `${l.queued}/${l.max ?? '?'}`).join(',') ?? '?';
  const states = point.tcpByState === null ? '?' : Object.entries(point.tcpByState).map(([state, n]) => `${state}=${n}`).join(' ');
  return [
    `t=${(point.runTMs / 1000).toFixed(1)}s`,
    `cpu=${known(point.cpu.totalPct, (v) => v.toFixed(1))}% (usr ${known(point.cpu.userPct, (v) => v.toFixed(1))} sys ${known(point.cpu.systemPct, (v) => v.toFixed(1))})`,
    `rss=${known(point.rssBytes, (v) => (v / 1048576).toFixed(1))}MiB`,
    `threads=${known(point.threads, String)}`,
    `fds=${known(point.openFds, String)}`,
    `csw/s=${known(point.contextSwitchesPerSec.voluntary, (v) => v.toFixed(0))}+${known(point.contextSwitchesPerSec.involuntary, (v) => v.toFixed(0))}`,
    `acceptq=${listeners}`,
    `procs=${point.pids.length}`,
    states,
  ].join('  ');
}

export function watchCommand(): Command {
  return new Command('watch')
    .description('print the process telemetry of a running server (its process tree), found by PID or by its listening port')
    .option('--pid <N>', 'the process', metricOption('--pid', true))
    .option('--port <N>', 'the TCP port it listens on (Linux)', portOption('--port'))
    .addOption(new Option('--interval <T>', 'sample period').argParser(durationOption('--interval')).default(1000, '1s'))
    .option('--count <N>', 'stop after N lines', metricOption('--count', true))
    .action(async (flags: { pid?: number; port?: number; interval: number; count?: number }) => {
      if ((flags.pid === undefined) === (flags.port === undefined)) throw new UsageError('give --pid N or --port N');
      const found = flags.pid !== undefined ? await processByPid(flags.pid) : await processByPort(flags.port ?? 0);
      if (typeof found === 'string') throw new UsageError(found);
      process.stderr.write(`loadlab: watching pid ${found.pid}${found.command === null ? '' : ` (${found.command})`}; Ctrl-C stops\n`);
      const startMs = Date.now();
      let lines = 0;
      await new Promise<void>((resolve) => {
        const loop = sampleDuringRun(samplerFor(found.pid), startMs, flags.interval, (point) => {
          if (flags.count !== undefined && lines >= flags.count) return;
          process.stdout.write(`${formatPoint(point)}\n`);
          if (flags.count !== undefined && ++lines >= flags.count) finish();
        });
        // The process may end first: then there is nothing more to watch.
        const alive = setInterval(() => {
          try {
            process.kill(found.pid, 0);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
              process.stderr.write(`loadlab: pid ${found.pid} is gone\n`);
              finish();
            }
          }
        }, flags.interval);
        const finish = (): void => {
          clearInterval(alive);
          process.off('SIGINT', finish);
          void loop.stop().then(() => resolve());
        };
        process.once('SIGINT', finish);
      });
    });
}
