// run.start over the lab API is bounded by the machine, like the CLI: a run that asks for more
// load threads than the cores can use is refused before a thread starts, with the reason.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostLimits, maxThreadsFor } from '../bench-runner/limits.ts';
import { runStartParamsSchema } from '../common/labApi.ts';
import { createLab, type Lab } from './lab.ts';
import { benchConfigFor } from './runParams.ts';

let dir: string;
let lab: Lab;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-bounds-'));
  lab = await createLab({ journalDir: dir, host: 'web' });
});
afterEach(async () => {
  await lab.close();
  await rm(dir, { recursive: true, force: true });
});

describe('run.start bounds', () => {
  it('refuses more threads than this machine can use (bad-params, the bound and why), and starts nothing', async () => {
    const threads = maxThreadsFor(hostLimits().cores) + 1;
    if (threads > 256) return; // the schema's own ceiling already refuses it on a machine this large
    const start = lab.call('run.start', { target: { kind: 'url', url: 'http://127.0.0.1:1/' }, mode: 'max', threads, connections: threads, durationMs: 1000 });
    await expect(start).rejects.toMatchObject({ code: 'bad-params' });
    await expect(start).rejects.toThrow(`threads: ${threads} is more than this machine can use: at most ${threads - 1}`);
    expect((await lab.call('run.status', {})).state).toBe('idle');
  });

  it('counts two open files per connection to the built-in server (both ends are in this process)', () => {
    const limits = { cores: 2, openFiles: 1024 };
    const params = (connections: number) => runStartParamsSchema.parse({ target: { kind: 'builtin', path: '/' }, mode: 'max', threads: 2, connections });
    expect(benchConfigFor(params(384), { url: 'http://127.0.0.1:7878', caFile: null }, limits).connections).toBe(384);
    expect(() => benchConfigFor(params(385), { url: 'http://127.0.0.1:7878', caFile: null }, limits)).toThrow(
      /^connections: 385 to the built-in server need 770 open files .* may open 1024 \(ulimit -n\) and keeps 256 for itself: at most 384/,
    );
    // Another server: one open file per connection (bench-runner's own check).
    const other = runStartParamsSchema.parse({ target: { kind: 'url', url: 'http://127.0.0.1:9/' }, mode: 'max', threads: 2, connections: 700 });
    expect(benchConfigFor(other, null, limits).connections).toBe(700);
  });
});
