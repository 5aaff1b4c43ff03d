// What server a run measured, as text for every reader of a record (`journal show`, the run page,
// the exports): the built-in server and its settings, an external command, or a launched profile
// with its command, build and how it ended. Unknown reads "unknown", never a guess.
import type { ServerInfo } from './runRecord.ts';
import { describeServerExit } from './serverProfile.ts';

export const SERVER_UNKNOWN = 'unknown';

type Launched = Extract<ServerInfo, { kind: 'launched' }>;

/** "a1b2c3d on main (dirty)"; null when the folder was not in a git repository. */
export function describeBuild(build: Launched['build']): string | null {
  const { git } = build;
  if (git === null) return null;
  return `${git.commit.slice(0, 7)} on ${git.branch ?? 'a detached HEAD'}${git.dirty ? ' (dirty)' : ''}`;
}

/** One line: "profile rust-pool: cargo run --release @ a1b2c3d on main (dirty); server exited with code 3 at t = 4.2 s". */
export function describeServerInfo(server: ServerInfo): string {
  switch (server.kind) {
    case 'unknown':
      return SERVER_UNKNOWN;
    case 'external':
      return `external: ${server.command}${server.pid === undefined ? '' : ` (pid ${server.pid})`}`;
    case 'builtin': {
      const settings = Object.entries(server.settings).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      return settings.length === 0 ? `built-in ${server.model}` : `built-in ${server.model} (${settings.join(', ')})`;
    }
    case 'launched': {
      const build = describeBuild(server.build);
      const who = server.profile === null ? 'command' : `profile ${server.profile.name}`;
      const exit = server.exit === null ? '' : `; ${describeServerExit(server.exit)}`;
      return `${who}: ${commandLine(server)}${build === null ? '' : ` @ ${build}`}${exit}`;
    }
  }
}

/** Label/value rows of a launched server for a facts list; empty for every other kind. */
export function launchedServerFacts(server: ServerInfo): [label: string, value: string][] {
  if (server.kind !== 'launched') return [];
  const rows: [string, string][] = [
    ['server profile', server.profile?.name ?? 'none (--server-cmd)'],
    ['server command', commandLine(server)],
    ['server folder', server.build.cwd],
    ['server build', describeBuild(server.build) ?? 'not in a git repository'],
  ];
  if (server.build.git?.diffStat) rows.push(['server changes', server.build.git.diffStat.trim()]);
  if (server.build.executable !== null) {
    const { path, sizeBytes, mtime } = server.build.executable;
    rows.push(['server executable', `${path}, ${sizeBytes} bytes, modified ${mtime}`]);
  }
  rows.push(['server exit', server.exit === null ? 'ran to the end of the run' : describeServerExit(server.exit)]);
  return rows;
}

function commandLine(server: Launched): string {
  return server.shell ? `sh -c ${JSON.stringify(server.command.join(' '))}` : server.command.join(' ');
}
