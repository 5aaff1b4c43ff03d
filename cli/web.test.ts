// `loadlab web` as a user runs it: prints the address, serves the page and the API, and stops
// cleanly on a signal with nothing left listening.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HostToClient } from '../common/labWire.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';
import { browserCommand } from './openBrowser.ts';
import { portIsClosed } from '../peers/ports.ts';

const bin = new URL('../bin/loadlab.js', import.meta.url).pathname;
const journal = mkdtempSync(join(tmpdir(), 'loadlab-web-cli-'));

afterAll(() => rmSync(journal, { recursive: true, force: true }));

function startWeb(args: string[]) {
  const child = spawn(process.execPath, [bin, 'web', '--no-open', '--journal', journal, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  const url = (async () => {
    const deadline = Date.now() + 50_000;
    for (;;) {
      const match = /^Loadlab is at (http:\/\/\S+)$/m.exec(stdout);
      if (match?.[1] !== undefined) return new URL(match[1]);
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no address printed; stdout: ${stdout} stderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { child, url, exited, stderr: () => stderr };
}

function appInfoOver(url: URL): Promise<HostToClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, { origin: url.origin });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', params: {} })));
    ws.once('message', (data: Buffer) => {
      resolve(JSON.parse(data.toString()) as HostToClient);
      ws.close();
    });
    ws.once('error', reject);
  });
}

describe('loadlab web', () => {
  it('prints the address with the token, serves the page and the API, and stops on SIGINT with nothing listening', async () => {
    const web = startWeb(['--port', '0']);
    const url = await web.url;
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    expect(await appInfoOver(url)).toMatchObject({ type: 'result', id: 1, ok: true, result: { host: 'web', electron: null, journalDir: journal } });

    web.child.kill('SIGINT');
    const exit = await web.exited;
    expect(exit.status).toBe(0);
    expect(exit.stdout).toMatch(/^stopped$/m);
    expect(exit.stderr).not.toMatch(/WARNING/);
    expect(await portIsClosed(Number(url.port))).toBe(true);
  });

  it('warns loudly when listening beyond loopback, and stops on SIGTERM', async () => {
    const web = startWeb(['--host', '0.0.0.0']);
    const url = await web.url;
    expect(url.hostname).toBe('127.0.0.1');
    expect(web.stderr()).toMatch(/WARNING: --host 0\.0\.0\.0 is not a loopback address/);
    web.child.kill('SIGTERM');
    expect((await web.exited).status).toBe(0);
  });

  it('refuses a bad port with a usage error', async () => {
    const result = await runLoadlab(['web', '--no-open', '--port', '70000']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--port expects a port number from 0 to 65535, got "70000"/);
  });
});

describe('browserCommand', () => {
  it('uses the platform opener', () => {
    expect(browserCommand('linux', 'http://127.0.0.1:1/?token=t')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/?token=t'] });
    expect(browserCommand('darwin', 'http://x/').command).toBe('open');
    expect(browserCommand('win32', 'http://x/')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://x/'] });
  });
});
