// Peer test: real reports of runs against an https target import with their scheme. Debian's
// wrk (the URL in "Running … @ https://…"), Debian's httperf --ssl (its echoed command line) and
// `loadlab httperf --ssl`, all against Debian's nginx with a certificate the test makes.
// Fails (does not skip) in CI when a program is missing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxServer } from '../../peers/nginx.ts';
import { runLoadlab } from '../../peers/loadlabCli.ts';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';
import { createTestPki, type TestPki } from '../../bench-runner/test/tlsServers.ts';
import { importText } from './importText.ts';

const run = promisify(execFile);
const available = hasProgram('nginx', 'nginx-light') && hasProgram('wrk', 'wrk') && hasProgram('httperf', 'httperf');
const describePeer = available || peerTestsRequired() ? describe : describe.skip;

function onlyRun(text: string, fileName: string) {
  const { runs } = importText(text, { fileName, importedAt: '2026-12-07T01:00:00.000Z' });
  expect(runs).toHaveLength(1);
  const [imported] = runs;
  if (!imported) throw new Error('no run');
  return imported;
}

describePeer('https reports from real tools import with their scheme', () => {
  let pki: TestPki;
  let nginx: NginxServer;

  beforeAll(async () => {
    pki = await createTestPki();
    nginx = await startNginx({ workers: 1, tls: pki.good });
  });

  afterAll(async () => {
    await nginx?.stop();
    pki?.remove();
  });

  it("wrk's report: the https URL", async () => {
    const { stdout } = await run(findProgram('wrk', 'wrk'), ['-t1', '-c2', '-d1s', nginx.url], { timeout: 30_000 });
    const imported = onlyRun(stdout, 'wrk-https.txt');
    expect(imported.target.url).toBe(nginx.url);
    expect(imported.summary.requests).toBeGreaterThan(0);
  });

  it("httperf --ssl's and loadlab httperf --ssl's reports: the https URL of --server and --port", async () => {
    const flags = ['--ssl', '--server', '127.0.0.1', '--port', String(nginx.port), '--rate', '20', '--num-conns', '10', '--num-calls', '1'];
    const theirs = (await run(findProgram('httperf', 'httperf'), flags, { timeout: 30_000 })).stdout;
    const ours = await runLoadlab(['httperf', ...flags, '--ca', pki.caFile]);
    expect(ours.status).toBe(0);
    for (const [text, fileName] of [[theirs, 'httperf-ssl.txt'], [ours.stdout, 'loadlab-httperf-ssl.txt']] as const) {
      const imported = onlyRun(text, fileName);
      expect(imported.target.url).toBe(`https://127.0.0.1:${nginx.port}/`);
      expect(imported.summary.requests).toBe(10);
    }
  });
});
