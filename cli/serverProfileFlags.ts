// Flags that describe how to run a server, shared by `server add` and `bench --server-cmd`.
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_READY_TIMEOUT_MS, parseReadySpec, type ReadySpec } from '../common/serverProfile.ts';
import type { LaunchSpec } from '../targets/launch.ts';
import type { ServerProfile } from '../common/serverProfile.ts';

export function readyOption(text: string): ReadySpec {
  const spec = parseReadySpec(text);
  if (typeof spec === 'string') throw new InvalidArgumentError(spec.replace(/^--ready \S+: /, ''));
  return spec;
}

export function envOption(text: string, all: Record<string, string>): Record<string, string> {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new InvalidArgumentError(`--env expects NAME=VALUE, got "${text}"`);
  return { ...all, [text.slice(0, equals)]: text.slice(equals + 1) };
}

export function launchSpecOf(profile: ServerProfile): LaunchSpec {
  return {
    command: profile.command,
    shell: profile.shell,
    cwd: profile.cwd ?? process.cwd(),
    env: profile.env,
    ready: profile.ready,
    readyTimeoutMs: profile.readyTimeoutMs,
  };
}

export const readyHelp = 'when it is ready: tcp:PORT, tcp:HOST:PORT, http://… (GET answers 2xx/3xx) or log:/REGEX/ (a line of its output)';

export function resolvedCwd(cwd: string | undefined): string | null {
  return cwd === undefined ? null : resolve(cwd);
}

export { DEFAULT_READY_TIMEOUT_MS };
