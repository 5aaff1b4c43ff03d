import { expect, test } from 'vitest';
import type { ServerInfo } from './runRecord.ts';
import { describeServerInfo, launchedServerFacts } from './serverDescription.ts';
import { PROFILE_SCHEMA, type ServerProfile } from './serverProfile.ts';

const profile: ServerProfile = {
  schema: PROFILE_SCHEMA,
  name: 'rust-pool',
  command: ['cargo', 'run', '--release'],
  shell: false,
  cwd: '/src/webserver',
  env: {},
  url: 'http://127.0.0.1:7878/',
  ready: { kind: 'tcp', host: '127.0.0.1', port: 7878 },
  readyTimeoutMs: 30_000,
  restartEachRun: false,
  warmupMs: 0,
};

function launched(overrides: Partial<Extract<ServerInfo, { kind: 'launched' }>> = {}): ServerInfo {
  return {
    kind: 'launched',
    profile,
    command: ['cargo', 'run', '--release'],
    shell: false,
    pid: 4242,
    build: { cwd: '/src/webserver', git: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: true, diffStat: ' src/main.rs | 2 +-\n' }, executable: null },
    log: { text: '', droppedBytes: 0 },
    exit: null,
    ...overrides,
  };
}

test('a launched profile reads its name, command and build, not "unknown"', () => {
  expect(describeServerInfo(launched())).toBe('profile rust-pool: cargo run --release @ a1b2c3d on main (dirty)');
});

test('a crash is said with its code and time; a detached HEAD and --server-cmd are named', () => {
  const text = describeServerInfo(
    launched({
      profile: null,
      exit: { code: 3, signal: null, atRunMs: 4200 },
      build: { cwd: '/x', git: { commit: 'ffffffff00', branch: null, dirty: false, diffStat: null }, executable: null },
    }),
  );
  expect(text).toBe('command: cargo run --release @ fffffff on a detached HEAD; server exited with code 3 at t = 4.2 s');
});

test('a shell command line is shown as sh -c, and no git means no build suffix', () => {
  expect(describeServerInfo(launched({ shell: true, command: ['./serve | tee log'], build: { cwd: '/x', git: null, executable: null } }))).toBe(
    'profile rust-pool: sh -c "./serve | tee log"',
  );
});

test('other kinds keep their wording', () => {
  expect(describeServerInfo({ kind: 'unknown' })).toBe('unknown');
  expect(describeServerInfo({ kind: 'external', command: 'nginx', pid: 7 })).toBe('external: nginx (pid 7)');
  expect(describeServerInfo({ kind: 'builtin', model: 'pool', settings: { workers: 4 } })).toBe('built-in pool (workers=4)');
});

test('facts of a launched server: profile, command, folder, build, changes, exit', () => {
  const facts = Object.fromEntries(launchedServerFacts(launched({ exit: { code: null, signal: 'SIGSEGV', atRunMs: 500 } })));
  expect(facts).toEqual({
    'server profile': 'rust-pool',
    'server command': 'cargo run --release',
    'server folder': '/src/webserver',
    'server build': 'a1b2c3d on main (dirty)',
    'server changes': 'src/main.rs | 2 +-',
    'server exit': 'server exited on signal SIGSEGV at t = 0.5 s',
  });
  expect(launchedServerFacts({ kind: 'unknown' })).toEqual([]);
});
