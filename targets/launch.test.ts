import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessGroupGuard } from './guard.ts';
import { LaunchError, launchServer, type LaunchSpec } from './launch.ts';
import { groupMembers } from './processGroup.ts';
import { freePort, testServer } from './testing.ts';

const linux = process.platform === 'linux';

async function failure(spec: LaunchSpec, guard: ProcessGroupGuard): Promise<LaunchError> {
  try {
    const server = await launchServer(spec, guard);
    await server.stop();
  } catch (error) {
    if (error instanceof LaunchError) return error;
    throw error;
  }
  throw new Error('the launch did not fail');
}

describe.runIf(linux)('launchServer', () => {
  let dir: string;
  let guard: ProcessGroupGuard;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-launch-'));
    guard = new ProcessGroupGuard();
  });
  afterEach(async () => {
    await guard.stopAll();
    await rm(dir, { recursive: true, force: true });
  });
  const spec = (command: string[], extra: Partial<LaunchSpec> = {}): LaunchSpec => ({ command, shell: false, cwd: dir, env: {}, ready: null, ...extra });

  it('starts python3 -m http.server, waits for its HTTP answer, and stops its group with SIGTERM', async () => {
    const port = await freePort();
    const server = await launchServer(spec(['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1'], { ready: { kind: 'http', url: `http://127.0.0.1:${port}/` } }), guard);
    expect(await groupMembers(server.pid)).toContain(server.pid);
    expect(server.executable).toMatch(/python3$/);
    expect(guard.size).toBe(1);
    expect(await server.stop()).toMatchObject({ endedBy: 'SIGTERM' });
    expect(await groupMembers(server.pid)).toEqual([]);
    expect(guard.size).toBe(0);
    expect(server.exitStatus()).not.toBeNull();
  });

  it('is ready on a log line matching the pattern, and keeps the log', async () => {
    const port = await freePort();
    const server = await launchServer(spec(['node', testServer('crashAfter.mjs'), String(port), '100'], { ready: { kind: 'log', pattern: `listening on ${port}$`, flags: '' } }), guard);
    expect(server.log.tail().text).toContain(`listening on ${port}`);
    await server.stop();
  });

  it('refuses a command that is not found, naming it, before starting anything', async () => {
    const error = await failure(spec(['no-such-server-xyz', '--flag']), guard);
    expect(error.failure).toBe('not-found');
    expect(error.message).toBe('cannot start the server: no-such-server-xyz: command not found in PATH');
  });

  it('refuses a file that is not executable, naming it', async () => {
    await writeFile(join(dir, 'server.sh'), '#!/bin/sh\necho hi\n');
    await chmod(join(dir, 'server.sh'), 0o644);
    const error = await failure(spec(['./server.sh']), guard);
    expect(error.message).toMatch(/\.\/server\.sh: not executable/);
  });

  it('refuses a folder that does not exist', async () => {
    expect((await failure(spec(['node'], { cwd: join(dir, 'nope') }), guard)).message).toMatch(/folder .*nope does not exist/);
  });

  it('a server that exits before it is ready: its exit code and last 20 log lines', async () => {
    const script = 'for (let i = 1; i <= 25; i++) console.log("line " + i); process.exit(4)';
    const error = await failure(spec(['node', '-e', script], { ready: { kind: 'tcp', host: '127.0.0.1', port: await freePort() } }), guard);
    expect(error.failure).toBe('exited');
    expect(error.message).toMatch(/^the server exited with code 4 before it was ready; its last 20 log lines:/);
    expect(error.message).toContain('| line 25');
    expect(error.message).toContain('| line 6\n');
    expect(error.message).not.toContain('| line 5\n');
  });

  it('a server never ready: timeout, its group killed, its log shown', async () => {
    const port = await freePort();
    const error = await failure(spec(['node', testServer('neverReady.mjs')], { ready: { kind: 'tcp', host: '127.0.0.1', port }, readyTimeoutMs: 700 }), guard);
    expect(error.failure).toBe('timeout');
    expect(error.message).toMatch(new RegExp(`not ready after 0.7 s \\(ready check: tcp:${port}\\); its process group was stopped \\(it stopped on SIGTERM\\)`));
    expect(error.message).toContain('| starting up, forever');
    expect(guard.size).toBe(0);
  });

  it('a server that ignores SIGTERM is killed after the grace period, and says so', async () => {
    const port = await freePort();
    const server = await launchServer(spec(['node', testServer('ignoresTerm.mjs'), String(port)], { ready: { kind: 'tcp', host: '127.0.0.1', port }, graceMs: 400 }), guard);
    const outcome = await server.stop();
    expect(outcome).toEqual({ endedBy: 'SIGKILL', graceMs: 400 });
    expect(await groupMembers(server.pid)).toEqual([]);
    expect(server.log.tail().text).toContain('SIGTERM ignored');
  });

  it('a port already taken: says which process holds it (PID and command)', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const error = await failure(spec(['python3', '-m', 'http.server', String(port)], { ready: { kind: 'tcp', host: '127.0.0.1', port } }), guard);
      expect(error.failure).toBe('port-taken');
      expect(error.message).toMatch(new RegExp(`port ${port} is already taken by PID ${process.pid} \\(\\S*node`));
    } finally {
      holder.close();
    }
  });

  it('runs through sh -c only when asked', async () => {
    const port = await freePort();
    const server = await launchServer(spec([`echo "via shell $((1+1))" && exec python3 -m http.server ${port} --bind 127.0.0.1`], { shell: true, ready: { kind: 'tcp', host: '127.0.0.1', port } }), guard);
    expect(server.executable).toBeNull();
    expect(server.log.tail().text).toContain('via shell 2');
    await server.stop();
  });
});
