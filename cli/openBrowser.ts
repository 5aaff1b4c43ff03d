// Opens a URL in the default browser. Not opening is never an error: the URL is printed anyway.
import { spawn } from 'node:child_process';

/** The command that opens a URL on this platform. */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves null once the opener ran (or 3 s passed), else the reason it could not. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  const { command, args } = browserCommand(platform, url);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => resolve(null), 3000);
    timer.unref();
    const finish = (reason: string | null): void => {
      clearTimeout(timer);
      resolve(reason);
    };
    child.on('error', (error) => finish(`${command}: ${error.message}`));
    child.on('exit', (code) => finish(code === 0 || code === null ? null : `${command} exited with status ${code}`));
    child.unref();
  });
}
