// The npm package: `npm pack` of the built checkout installs on a clean prefix without dev
// dependencies (from the npm registry) and every command runs from it against loopback servers
// it starts itself: serve, bench, httperf, journal and web with its built page.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, packageRoot } from './build.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'loadlab-pack-'));
const prefix = join(work, 'prefix');
const journal = join(work, 'journal');
let tarball = '';
let bin = '';

function run(args: string[], cwd = work, timeoutMs = 60_000): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, LOADLAB_JOURNAL: journal } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  /** The first match of `pattern` in stdout. */
  match(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGINT, then the exit status. */
  stop(): Promise<number | null>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { ...process.env, LOADLAB_JOURNAL: journal } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
  return {
    child,
    async match(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = pattern.exec(stdout);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${String(pattern)} in stdout: ${stdout} / stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
}

function get(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      })
      .on('error', reject);
  });
}

beforeAll(() => {
  ensureBuilt(['node', 'renderer'], (line) => process.stderr.write(`${line}\n`));
  const packed = spawnSync(npm, ['pack', '--pack-destination', work, '--json'], { cwd: packageRoot, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; size: number; files: { path: string }[] }[];
  if (info === undefined) throw new Error('npm pack reported nothing');
  tarball = join(work, info.filename);
  process.stderr.write(`pack: ${info.filename}, ${(info.size / 1024).toFixed(0)} KiB, ${info.files.length} files\n`);
  // From the npm registry: only the production dependencies are wanted, and no install script runs.
  const installed = spawnSync(npm, ['install', '--prefix', prefix, tarball, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: work, encoding: 'utf8', timeout: 240_000 });
  if (installed.status !== 0) throw new Error(`npm install of ${tarball} failed: ${installed.stderr}`);
  bin = join(prefix, 'node_modules', 'loadlab', 'bin', 'loadlab.js');
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the built JavaScript only: no sources, tests or fixtures', () => {
    const pkg = join(prefix, 'node_modules', 'loadlab');
    const files = readdirSync(pkg, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(pkg.length + 1));
    expect(files).toContain('out/main/cli.js');
    expect(files).toContain('out/main/worker/main.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect(files.filter((file) => /\.tsx?$|\.test\.|(^|\/)(test|testdata|fixtures)\//.test(file))).toEqual([]);
    expect(existsSync(join(pkg, 'electron.vite.config.ts'))).toBe(false);
    expect(statSync(tarball).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('installs without dev dependencies: no Electron, tsx, esbuild or vite', () => {
    const modules = readdirSync(join(prefix, 'node_modules'));
    for (const dev of ['electron', 'tsx', 'esbuild', 'vite', 'electron-vite', 'vitest', 'react']) expect(modules, dev).not.toContain(dev);
    for (const dev of ['zod', 'hdr-histogram-js']) expect(modules, `${dev} (bundled)`).not.toContain(dev);
    for (const dep of ['commander', 'ws']) expect(modules, dep).toContain(dep);
  });

  it('--help and --version, building nothing', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/bench .*wrk2/);
    expect(help.stderr).toBe('');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('serve, then bench --save, httperf and journal list against it', async () => {
    const server = start(['serve', '--quiet', '--port', '0', '--model', 'thread-per-request']);
    try {
      const port = Number((await server.match(/^Listening on http:\/\/127\.0\.0\.1:(\d+)\//m))[1]);
      const bench = run(['bench', '-t2', '-c4', '-d1s', '-R200', '--save', '--title', 'from the package', `http://127.0.0.1:${port}/`]);
      expect(bench.status, bench.stderr).toBe(0);
      expect(bench.stdout).toMatch(/requests in/);
      const httperf = run(['httperf', '--server', '127.0.0.1', '--port', String(port), '--num-conns', '10', '--rate', '50']);
      expect(httperf.status, httperf.stderr).toBe(0);
      expect(httperf.stdout).toMatch(/Total: connections 10 /);
      const list = run(['journal', 'list']);
      expect(list.status, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/from the package/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 120_000);

  it('web serves its built page', async () => {
    const web = start(['web', '--no-open', '--port', '0']);
    try {
      const url = (await web.match(/^Loadlab is at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m))[1] ?? '';
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/text\/html/);
      const script = /<script[^>]+src="([^"]+)"/.exec(page.body)?.[1] ?? '';
      expect(script).toMatch(/^(\.\/|\/)?assets\/.+\.js$/);
      const asset = await get(new URL(script, url).href);
      expect(asset.status).toBe(200);
      expect(asset.type).toMatch(/javascript/);
    } finally {
      expect(await web.stop()).toBe(0);
    }
  }, 60_000);
});
