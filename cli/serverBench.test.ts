// `bench --server NAME` and `bench --server-cmd`, against real servers nobody here wrote (nginx
// with two workers, python3 -m http.server) and test servers that crash or refuse.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { hasProgram } from '../peers/programs.ts';
import { groupMembers } from '../targets/processGroup.ts';
import { findPortListener } from '../targets/procNet.ts';
import { freePort, testServer } from '../targets/testing.ts';

const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;
const linux = process.platform === 'linux';

describe.runIf(linux)('bench with a server it starts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-server-bench-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const journal = (): string => join(dir, 'journal');
  const savedRecord = async () => {
    const [file] = await readdir(join(journal(), 'runs'));
    return runRecordSchema.parse(JSON.parse(await readFile(join(journal(), 'runs', file ?? ''), 'utf8')));
  };

  it.runIf(hasProgram('nginx', 'nginx-light'))('--server NAME: nginx with two workers, its tree sampled, its profile and build recorded, stopped after', async () => {
    const port = await freePort();
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 2;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${port}; location / { return 200 "hi\\n"; } }
}
`,
    );
    const added = await runLoadlab(['server', 'add', 'nginx2', '--journal', journal(), '--cwd', dir, '--ready', `http://127.0.0.1:${port}/`, '--restart-each-run', '--warmup', '500ms', '--', 'nginx', '-p', dir, '-c', 'nginx.conf', '-g', 'daemon off;']);
    expect(added.status).toBe(0);
    const result = await runLoadlab(['bench', '--server', 'nginx2', '-t1', '-c8', '-d2s', '-R4000', '--interval', '500ms', '--save', '--journal', journal()]);
    expect(result.stderr).toMatch(/nginx2 is ready after/);
    expect(result.stderr).toMatch(/warming up for 0.5 s/);
    expect(result.stderr).toMatch(/stopped nginx2: it stopped on SIGTERM/);
    expect(result.status).toBe(0);
    const record = await savedRecord();
    expect(record.target.url).toBe(`http://127.0.0.1:${port}/`);
    if (record.server.kind !== 'launched') throw new Error(`server kind ${record.server.kind}`);
    expect(record.server.profile?.name).toBe('nginx2');
    expect(record.server.build.cwd).toBe(dir);
    expect(record.server.build.git).toBeNull();
    expect(record.server.build.executable?.path).toMatch(/nginx$/);
    expect(record.server.exit).toBeNull();
    expect(await groupMembers(record.server.pid)).toEqual([]);
    const points = (record.serverSeries ?? []).filter((point) => 'kind' in point);
    expect(points.length).toBeGreaterThanOrEqual(3);
    for (const point of points) expect(point.pids).toHaveLength(3);
    // /proc counts CPU in 10 ms clock ticks, charged to whoever is running at the tick: at 400 req/s
    // nginx used about 8 ms in the whole run and sometimes read 0. 8,000 responses take well over 10 ticks.
    expect(points.reduce((sum, point) => sum + (point.cpu.totalPct ?? 0), 0)).toBeGreaterThan(0);
    expect(points.some((point) => (point.tcpByState?.ESTABLISHED ?? 0) >= 4)).toBe(true);
  });

  it('--server-cmd: python3 -m http.server, and the run knows its process', async () => {
    const port = await freePort();
    const result = await runLoadlab(['bench', '--server-cmd', `python3 -m http.server ${port} --bind 127.0.0.1`, '--ready', `tcp:${port}`, '-t1', '-c2', '-d1s', '-R50', '--json', join(dir, 'run.json'), `http://127.0.0.1:${port}/`]);
    expect(result.status).toBe(0);
    const record = runRecordSchema.parse(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')));
    expect(record.server).toMatchObject({ kind: 'launched', profile: null, command: ['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1'], shell: false });
    expect(record.serverSeries?.length).toBeGreaterThanOrEqual(1);
  });

  it('a server that crashes during the run: the run stops, is saved and marked, with the log', async () => {
    const port = await freePort();
    const result = await runLoadlab(['bench', '--server-cmd', `node ${testServer('crashAfter.mjs')} ${port} 60`, '--ready', `tcp:${port}`, '-t1', '-c2', '-d20s', '-R100', '--save', '--journal', journal(), `http://127.0.0.1:${port}/`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/server exited with code 3 at t = \d+\.\d s: stopping the run/);
    const record = await savedRecord();
    expect(record.stoppedEarly).toBe(true);
    if (record.server.kind !== 'launched') throw new Error(`server kind ${record.server.kind}`);
    expect(record.server.exit?.code).toBe(3);
    expect(record.server.exit?.atRunMs).toBeLessThan(20_000);
    expect(record.server.log.text).toContain('crashing after 60 requests');
  });

  it("--server NAME reuses the profile's server already running when it does not restart each run, and only watches it", async () => {
    const port = await freePort();
    const running = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
    try {
      await runLoadlab(['server', 'add', 'py', '--journal', journal(), '--ready', `tcp:${port}`, '--', 'python3', '-m', 'http.server', String(port)]);
      while ((await findPortListener(port)) === null) await new Promise((resolve) => setTimeout(resolve, 50));
      const result = await runLoadlab(['bench', '--server', 'py', '-t1', '-c1', '-d1s', '-R20', '--save', '--journal', journal()]);
      expect(result.stderr).toMatch(new RegExp(`py is already running \\(pid ${running.pid ?? 0}\\); using it`));
      expect(result.status).toBe(0);
      const record = await savedRecord();
      expect(record.server).toMatchObject({ kind: 'external', pid: running.pid });
      expect(running.exitCode).toBeNull();
      expect(record.serverSeries?.length).toBeGreaterThanOrEqual(1);
    } finally {
      running.kill();
    }
  });

  it('a command not found is refused before any load, naming it', async () => {
    const result = await runLoadlab(['bench', '--server-cmd', 'no-such-server-xyz --port 1', '--ready', 'tcp:1', '-d1s', 'http://127.0.0.1:1/']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot start the server: no-such-server-xyz: command not found in PATH\nloadlab: nothing was loaded/);
    expect(result.stdout).toBe('');
  });

  it('refuses --ready without --server-cmd, and both --server and --server-cmd', async () => {
    expect((await runLoadlab(['bench', '--ready', 'tcp:1', 'http://127.0.0.1:1/'])).stderr).toMatch(/--ready and --ready-timeout go with --server-cmd/);
    expect((await runLoadlab(['bench', '--server', 'a', '--server-cmd', 'b', 'http://127.0.0.1:1/'])).status).toBe(2);
  });

  it('SIGTERM to loadlab during a run: the server it started is gone', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'bench', '--server-cmd', `node ${testServer('ignoresTerm.mjs')} ${port}`, '--ready', `tcp:${port}`, '-t1', '-c1', '-d30s', '-R20', `http://127.0.0.1:${port}/`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    while (!/is ready after .* \(pid (\d+)/.test(stderr)) {
      if (child.exitCode !== null) throw new Error(stderr);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const pid = Number(/\(pid (\d+)/.exec(stderr)?.[1]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect(await groupMembers(pid)).toEqual([]);
  });
});
