// The npm package: `npm pack` of the built checkout installs on a clean prefix without dev
// dependencies (from the npm registry) and every command runs from it against loopback servers
// it starts itself: serve, bench, httperf, journal and web with its built page.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
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

/** The instructions of kube/Dockerfile, continuation lines joined, comments left out. */
function dockerfile(): { instruction: string; rest: string }[] {
  const text = readFileSync(join(packageRoot, 'kube', 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .map((line) => {
      const [instruction = '', ...rest] = line.trim().split(/\s+/);
      return { instruction: instruction.toUpperCase(), rest: rest.join(' ') };
    });
}

/** A shell glob of file names (`*`, `?`) as a RegExp. */
function globRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^$()|{}[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

// No container engine here: what the image build does is checked step by step instead.
describe('the container image (kube/Dockerfile)', () => {
  const steps = dockerfile();
  const step = (instruction: string): string => steps.find((s) => s.instruction === instruction)?.rest ?? '';

  it('starts from Node 20, as the package\'s engines ask, and runs loadlab, the package\'s bin', () => {
    expect(step('FROM')).toBe('node:20-slim');
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { engines: { node: string }; bin: Record<string, string> };
    expect(pkg.engines.node).toMatch(/^>=20\./);
    expect(Object.keys(pkg.bin)).toEqual(['loadlab']);
    expect(JSON.parse(step('ENTRYPOINT'))).toEqual(['loadlab']);
    // Numeric and not root: kube job's pods run with runAsNonRoot, which cannot check a user name.
    expect(step('USER')).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('copies the tarball npm pack makes', () => {
    const [source = '', destination = ''] = step('COPY').split(' ');
    expect(basename(tarball)).toMatch(globRegExp(source));
    // What a fresh `npm pack --dry-run` names is the same file.
    const dry = spawnSync(npm, ['pack', '--dry-run', '--json'], { cwd: packageRoot, encoding: 'utf8' });
    expect(dry.status, dry.stderr).toBe(0);
    const [info] = JSON.parse(dry.stdout) as { filename: string }[];
    expect(info?.filename).toMatch(globRegExp(source));
    expect(step('RUN')).toContain(`${destination}${source}`);
  });

  it('its RUN install (npm install -g, no dev dependencies) gives a loadlab on PATH that runs bench --help', () => {
    const install = (step('RUN').split('&&')[0] ?? '').trim().split(/\s+/);
    expect(install.slice(0, 3)).toEqual(['npm', 'install', '-g']);
    expect(install).toContain('--omit=dev');
    // The same command, the tarball from this test's pack, into a temp global prefix.
    const globalPrefix = join(work, 'global');
    const args = install.slice(1).map((arg) => (arg.endsWith('.tgz') ? tarball : arg));
    const installed = spawnSync(npm, [...args, '--prefix', globalPrefix], { cwd: work, encoding: 'utf8', timeout: 240_000 });
    expect(installed.status, installed.stderr).toBe(0);
    const PATH = `${join(globalPrefix, 'bin')}${delimiter}${process.env['PATH'] ?? ''}`;
    const help = spawnSync('loadlab', ['bench', '--help'], { cwd: work, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PATH } });
    expect(help.status, help.stderr).toBe(0);
    // What a pod of `loadlab kube job` runs: bench with --shard, --start-at and --json -.
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/--shard <I\/N>/);
    expect(text).toMatch(/--start-at <time>/);
    expect(text).toMatch(/--json <file> .*- writes it to stdout/);
    // And kube job from the package: its YAML library is a production dependency.
    const job = spawnSync('loadlab', ['kube', 'job', '--shards', '2', '--image', 'loadlab:test', '--', '-t1', '-c2', 'http://web:8080/'], { cwd: work, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PATH } });
    expect(job.status, job.stderr).toBe(0);
    expect(job.stdout).toMatch(/^kind: Job$/m);
  }, 300_000);
});
