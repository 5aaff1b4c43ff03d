// `bench`/`httperf` outputs when they fail: each is attempted on its own, and the record that
// could not go where it was asked is kept in the fallback file, whose path the message names.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredRunRecordSchema } from '../common/runRecord.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

let server: http.Server;
let url = '';
let dir = '';

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), 'loadlab-cli-outputs-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/** A journal that cannot be opened: a file where its folder should be. */
async function unwritableJournal(name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, 'not a folder');
  return path;
}

function keptPath(stderr: string): string {
  const match = /the run record is kept at (\S+) \(it could not go to ([^)]+)\)/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return match?.[1] ?? '';
}

describe('bench and httperf outputs', () => {
  it('bench: a failing --json write does not skip --save; the journal failing too, the record goes to the fallback file', async () => {
    const userData = join(dir, 'config-a');
    const json = join(dir, 'no-such-folder', 'run.json');
    const journal = await unwritableJournal('journal-a');
    const result = await runLoadlab(['bench', '-t1', '-c1', '-d1s', '-R20', '--json', json, '--save', '--title', 'kept', '--journal', journal, url], { XDG_CONFIG_HOME: userData });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Requests/sec');
    expect(result.stderr).toContain(`cannot write --json ${json}: ENOENT`);
    expect(result.stderr).toContain('could not save the run in the journal');
    const path = keptPath(result.stderr);
    expect(path.startsWith(join(userData, 'Loadlab', 'unsaved-runs'))).toBe(true);
    expect(result.stderr).toContain(`could not go to --json ${json} or the journal`);
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(path.endsWith(`${record.id}.json`)).toBe(true);
    expect(record.title).toBe('kept');
  });

  it('bench: --json fails but --save works: saved, and the record is also kept for --json', async () => {
    const journal = join(dir, 'journal-b');
    const userData = join(dir, 'config-b');
    const result = await runLoadlab(['bench', '-t1', '-c1', '-d1s', '-R20', '--json', join(dir, 'missing', 'x.json'), '--save', '--journal', journal, url], { XDG_CONFIG_HOME: userData });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/saved run \S+ in the journal at /);
    expect(keptPath(result.stderr)).toContain('unsaved-runs');
  });

  it('httperf: an unwritable journal keeps the record in the fallback file', async () => {
    const userData = join(dir, 'config-c');
    const { port } = server.address() as AddressInfo;
    const result = await runLoadlab(['httperf', '--server', '127.0.0.1', '--port', String(port), '--num-conns', '5', '--rate', '10', '--save', '--journal', await unwritableJournal('journal-c')], { XDG_CONFIG_HOME: userData });
    expect(result.status).toBe(1);
    const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(keptPath(result.stderr), 'utf8')));
    expect(record.load.mode).toBe('conn-rate');
  });
});
