// `loadlab server start NAME`: starts a profile in the foreground, says when it is ready, shows
// its log live, and on Ctrl-C (or SIGTERM) stops its whole process group and says how.
import type { ServerProfile } from '../common/serverProfile.ts';
import { processGuard } from '../targets/guard.ts';
import { describeStop, LaunchError, launchServer, type LaunchedServer } from '../targets/launch.ts';
import { launchSpecOf } from './serverProfileFlags.ts';

export async function startInForeground(profile: ServerProfile): Promise<number> {
  processGuard.install();
  const startedMs = Date.now();
  process.stderr.write(`loadlab: starting ${profile.name}: ${profile.command.join(' ')}\n`);
  let server: LaunchedServer;
  try {
    server = await launchServer(launchSpecOf(profile));
  } catch (error) {
    if (error instanceof LaunchError) {
      process.stderr.write(`loadlab: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stderr.write(`loadlab: ${profile.name} is ready after ${((Date.now() - startedMs) / 1000).toFixed(1)} s (pid ${server.pid}${profile.url === null ? '' : `, ${profile.url}`}); Ctrl-C stops it\n`);
  const tail = server.log.tail();
  if (tail.droppedBytes > 0) process.stdout.write(`[${tail.droppedBytes} bytes of log dropped]\n`);
  process.stdout.write(tail.text);
  server.log.onData((chunk) => process.stdout.write(chunk));

  const interrupted = new Promise<'interrupted'>((resolve) => process.once('SIGINT', () => resolve('interrupted')));
  const outcome = await Promise.race([interrupted, server.exited]);
  if (outcome === 'interrupted') {
    process.stderr.write(`\nloadlab: stopping ${profile.name} (SIGTERM to its process group)\n`);
    const stopped = await server.stop();
    process.stderr.write(`loadlab: ${profile.name} stopped: ${describeStop(stopped)}\n`);
    return 0;
  }
  await server.stop();
  process.stderr.write(`loadlab: ${profile.name} exited with ${outcome.code !== null ? `code ${outcome.code}` : `signal ${outcome.signal ?? '?'}`}\n`);
  return outcome.code === 0 ? 0 : 1;
}
