// `loadlab server …` as a user runs it, and the promise that Loadlab never leaves a server behind.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { groupMembers } from '../targets/processGroup.ts';
import { freePort, testServer } from '../targets/testing.ts';

const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;
const linux = process.platform === 'linux';

describe.runIf(linux)('loadlab server', () => {
  let journal: string;
  beforeEach(async () => {
    journal = await mkdtemp(join(tmpdir(), 'loadlab-server-cli-'));
  });
  afterEach(async () => {
    await rm(journal, { recursive: true, force: true });
  });
  const loadlab = (...args: string[]) => runLoadlab(['server', ...args, '--journal', journal]);

  it('add, list, show, rm', async () => {
    const added = await runLoadlab(['server', 'add', 'py', '--journal', journal, '--ready', 'tcp:8123', '--env', 'A=b=c', '--warmup', '2s', '--', 'python3', '-m', 'http.server', '8123']);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('url:           http://127.0.0.1:8123/');
    expect((await loadlab('list')).stdout).toMatch(/^py\s+tcp:8123\s+python3 -m http.server 8123$/m);
    const shown = JSON.parse((await loadlab('show', 'py', '--json')).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ name: 'py', command: ['python3', '-m', 'http.server', '8123'], env: { A: 'b=c' }, warmupMs: 2000, readyTimeoutMs: 30_000, shell: false });
    expect((await runLoadlab(['server', 'add', 'py', '--journal', journal, '--', 'x'])).stderr).toMatch(/exists already/);
    expect((await loadlab('rm', 'py')).status).toBe(0);
    const missing = await loadlab('show', 'py');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no server profile py/);
  });

  it('refuses a bad ready check with a reason', async () => {
    const result = await runLoadlab(['server', 'add', 'x', '--journal', journal, '--ready', 'port 80', '--', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/expected tcp:PORT/);
  });

  it('start: a server that is never ready is killed after the timeout and its log shown', async () => {
    const port = await freePort();
    await runLoadlab(['server', 'add', 'never', '--journal', journal, '--ready', `tcp:${port}`, '--ready-timeout', '1s', '--', 'node', testServer('neverReady.mjs')]);
    const result = await loadlab('start', 'never');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not ready after 1 s \(ready check: tcp:\d+\); its process group was stopped/);
    expect(result.stderr).toContain('| starting up, forever');
  });

  it('start, then SIGTERM to loadlab: the whole process group is gone', async () => {
    const port = await freePort();
    // A shell whose child is the server: two processes in the group.
    await runLoadlab(['server', 'add', 'ignores', '--journal', journal, '--shell', '--ready', `tcp:${port}`, '--', `node ${testServer('ignoresTerm.mjs')} ${port}; echo unreachable`]);
    const child = spawn(process.execPath, [bin, 'server', 'start', 'ignores', '--journal', journal], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    while (!/is ready after .* \(pid (\d+)/.test(stderr)) {
      if (child.exitCode !== null) throw new Error(stderr);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pid = Number(/\(pid (\d+)/.exec(stderr)?.[1]);
    expect((await groupMembers(pid)).length).toBe(2);
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect(await groupMembers(pid)).toEqual([]);
    expect(stderr).toMatch(/SIGTERM: stopping the servers it started/);
  });
});
