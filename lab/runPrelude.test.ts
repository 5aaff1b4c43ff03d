// A Lab run against a profile's server honours the profile as `bench --server` does: a fresh
// process first (restartEachRun), then warm-up load that is not recorded, then the recorded run,
// with the phases in run.status. A real python3 http.server on 127.0.0.1, loaded lightly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunStatus } from '../common/labApi.ts';
import { PROFILE_SCHEMA, type ServerProfile } from '../common/serverProfile.ts';
import { freePort } from '../targets/testing.ts';
import { createLab, type Lab } from './lab.ts';

function pythonProfile(port: number, changes: Partial<ServerProfile>): ServerProfile {
  return {
    schema: PROFILE_SCHEMA,
    name: 'py-http',
    command: ['python3', '-m', 'http.server', String(port), '--bind', '127.0.0.1'],
    shell: false,
    cwd: tmpdir(),
    env: {},
    url: `http://127.0.0.1:${port}/`,
    ready: { kind: 'tcp', host: '127.0.0.1', port },
    readyTimeoutMs: 15_000,
    restartEachRun: false,
    warmupMs: 0,
    ...changes,
  };
}

describe('lab API: a run against a profile that restarts and warms up', () => {
  let dir: string;
  let lab: Lab | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-prelude-'));
  });
  afterEach(async () => {
    await lab?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('restarts the server, warms it up unrecorded, then records the run against the fresh process', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const profile = pythonProfile(await freePort(), { restartEachRun: true, warmupMs: 600 });
    await lab.call('profiles.put', { profile, replace: false });
    const first = await lab.call('profiles.start', { name: 'py-http' });
    const statuses: RunStatus[] = [];
    lab.on('run.status', (status) => statuses.push(status));
    const finished = new Promise<string>((resolve) => lab?.on('run.finished', ({ header }) => resolve(header.id)));

    const started = await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 1000 });
    expect(started).toMatchObject({ state: 'running', prelude: { phase: 'restart', profile: 'py-http', warmupMs: 600 } });
    // A second run while this one gets ready is refused, and the server may not be stopped under it.
    await expect(lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'max', durationMs: 1000 })).rejects.toMatchObject({ code: 'busy' });
    await expect(lab.call('profiles.stop', {})).rejects.toMatchObject({ code: 'busy' });

    const record = await lab.call('journal.get', { id: await finished });
    const fresh = await lab.call('profiles.status', {});
    expect(fresh.state).toBe('running');
    expect(fresh.pid).not.toBe(first.pid);
    expect(record.server).toMatchObject({ kind: 'launched', pid: fresh.pid });
    // Only the recorded run is in the journal: the warm-up was not saved.
    expect((await lab.call('journal.list', {})).runs.map((run) => run.id)).toEqual([record.id]);
    // The phases in order: restart, warm-up (with its own run), then the run without a prelude.
    const phases = statuses.map((status) => status.prelude?.phase ?? (status.state === 'idle' ? 'idle' : 'run'));
    const order = phases.filter((phase, index) => phase !== phases[index - 1]);
    expect(order).toEqual(['restart', 'warmup', 'run', 'idle']);
    const warmupRun = statuses.find((status) => status.prelude?.phase === 'warmup' && status.runId !== null)?.runId;
    expect(warmupRun).toBeDefined();
    expect(warmupRun).not.toBe(statuses.find((status) => status.prelude == null && status.state === 'running')?.runId);
  }, 60_000);

  it('a stop during the warm-up ends it: no run recorded, the slot idle again', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const profile = pythonProfile(await freePort(), { warmupMs: 30_000 });
    await lab.call('profiles.put', { profile, replace: false });
    await lab.call('profiles.start', { name: 'py-http' });
    const idle = new Promise<void>((resolve) => lab?.on('run.status', (status) => status.state === 'idle' && status.prelude == null && resolve()));
    const warming = new Promise<void>((resolve) => lab?.on('run.sample', () => resolve()));
    expect(await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 1000 })).toMatchObject({ prelude: { phase: 'warmup' } });
    await warming;
    expect(await lab.call('run.stop', {})).toMatchObject({ state: 'stopping', prelude: { phase: 'warmup', stopping: true } });
    await idle;
    expect((await lab.call('run.status', {})).state).toBe('idle');
    expect((await lab.call('journal.list', {})).runs).toEqual([]);
  }, 60_000);

  it('a profile without restart or warm-up runs at once, as before', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const profile = pythonProfile(await freePort(), {});
    await lab.call('profiles.put', { profile, replace: false });
    await lab.call('profiles.start', { name: 'py-http' });
    const started = await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 300 });
    expect(started.prelude ?? null).toBeNull();
    expect(started.runId).not.toBeNull();
  }, 60_000);

  it('a restart that fails is the run failing, naming the profile and why; nothing is recorded', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const profile = pythonProfile(await freePort(), { restartEachRun: true });
    await lab.call('profiles.put', { profile, replace: false });
    await lab.call('profiles.start', { name: 'py-http' });
    // Edited since it started: the restart reads the profile again and cannot run it.
    await lab.call('profiles.put', { profile: { ...profile, command: ['no-such-server-program'] }, replace: true });
    const failed = new Promise<string>((resolve) => lab?.on('run.failed', ({ message }) => resolve(message)));
    await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 1000 });
    expect(await failed).toMatch(/^py-http did not start again before the run: .*no-such-server-program/);
    await expect.poll(async () => (await lab?.call('run.status', {}))?.state).toBe('idle');
    expect((await lab.call('journal.list', {})).runs).toEqual([]);
  }, 60_000);
});
