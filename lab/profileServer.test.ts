// The lab starts a profile's server (a real python3 http.server on 127.0.0.1), records runs against
// it as `launched` with its process telemetry, stops it, and never leaves it behind on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileServerStatus } from '../common/labApi.ts';
import { PROFILE_SCHEMA, type ServerProfile } from '../common/serverProfile.ts';
import { freePort, testServer } from '../targets/testing.ts';
import { openProfileStore } from '../journal/store/profiles.ts';
import { createLab, type Lab } from './lab.ts';
import { commandPolicy } from './profileServerSlot.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function pythonProfile(port: number): ServerProfile {
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
  };
}

describe('lab API: a profile server started from the page', () => {
  let dir: string;
  let lab: Lab | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-own-'));
  });
  afterEach(async () => {
    await lab?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts, runs against it (launched, process telemetry), stops; close leaves nothing behind', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const port = await freePort();
    const profile = pythonProfile(port);
    await lab.call('profiles.put', { profile, replace: false });
    const statuses: ProfileServerStatus[] = [];
    lab.on('profiles.serverStatus', (status) => statuses.push(status));

    const started = await lab.call('profiles.start', { name: 'py-http' });
    expect(started).toMatchObject({ state: 'running', profile: 'py-http', url: profile.url });
    const pid = started.pid ?? 0;
    expect(alive(pid)).toBe(true);
    expect(statuses.map((status) => status.state)).toEqual(['starting', 'running']);
    await expect(lab.call('profiles.start', { name: 'py-http' })).rejects.toMatchObject({ code: 'busy' });

    const finished = new Promise<string>((resolve) => lab?.on('run.finished', ({ header }) => resolve(header.id)));
    await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 2500 });
    const record = await lab.call('journal.get', { id: await finished });
    expect(record.server).toMatchObject({ kind: 'launched', profile: { name: 'py-http' }, pid, exit: null });
    const points = (record.serverSeries ?? []).filter((point) => 'kind' in point);
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) expect(point.runTMs).toBeGreaterThan(0);
    // The sample covering the run's last moments is waited for.
    const runLengthMs = Date.parse(record.finishedAt ?? '') - Date.parse(record.startedAt ?? '');
    expect(Math.max(...points.map((point) => point.runTMs))).toBeGreaterThanOrEqual(runLengthMs);

    expect(await lab.call('profiles.stop', {})).toMatchObject({ state: 'stopped', pid: null });
    expect(alive(pid)).toBe(false);

    // Started again, then the lab closes: the server goes with it.
    const again = await lab.call('profiles.start', { name: 'py-http' });
    await lab.close();
    lab = null;
    expect(alive(again.pid ?? 0)).toBe(false);
  });

  it('a crash during a run stops the run, which is kept with the exit code, its time and the log', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const port = await freePort();
    const profile: ServerProfile = { ...pythonProfile(port), name: 'crashes', command: [process.execPath, testServer('crashAfter.mjs'), String(port), '30'] };
    await lab.call('profiles.put', { profile, replace: false });
    await lab.call('profiles.start', { name: 'crashes' });
    const finished = new Promise<string>((resolve) => lab?.on('run.finished', ({ header }) => resolve(header.id)));
    await lab.call('run.start', { target: { kind: 'url', url: profile.url ?? '' }, mode: 'rate', ratePerSec: 20, threads: 1, connections: 2, durationMs: 20_000 });
    await expect(lab.call('profiles.stop', {})).rejects.toMatchObject({ code: 'busy' });
    const record = await lab.call('journal.get', { id: await finished });
    expect(record.stoppedEarly).toBe(true);
    expect(record.server).toMatchObject({ kind: 'launched', exit: { code: 3, signal: null } });
    if (record.server.kind !== 'launched') throw new Error('not launched');
    expect(record.server.exit?.atRunMs).toBeGreaterThan(0);
    expect(record.server.exit?.atRunMs).toBeLessThan(20_000);
    expect(record.server.log.text).toContain('crashing after 30 requests');
    expect(await lab.call('profiles.status', {})).toMatchObject({ state: 'stopped', error: 'crashes exited with code 3', exit: { code: 3 } });
  });

  it('status before any start is stopped; an unknown profile is not-found', async () => {
    lab = await createLab({ journalDir: dir, host: 'web' });
    const profile = pythonProfile(await freePort());
    await lab.call('profiles.put', { profile, replace: false });
    expect((await lab.call('profiles.status', {})).state).toBe('stopped');
    await expect(lab.call('profiles.start', { name: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses to start commands when the web host is exposed without --allow-commands, with the reason', async () => {
    expect(commandPolicy('127.0.0.1', false)).toEqual({ allowed: true });
    expect(commandPolicy('0.0.0.0', true)).toEqual({ allowed: true });
    const policy = commandPolicy('0.0.0.0', false);
    expect(policy.allowed).toBe(false);
    // A profile saved by someone allowed to (the CLI, the desktop app): the exposed page may list it, not run it.
    await (await openProfileStore(dir)).put(pythonProfile(await freePort()), { replace: false });
    lab = await createLab({ journalDir: dir, host: 'web', commands: policy });
    await expect(lab.call('profiles.start', { name: 'py-http' })).rejects.toThrow(/bound to 0\.0\.0\.0, not loopback.*--allow-commands/);
    expect((await lab.call('profiles.status', {})).state).toBe('stopped');
    // Saving or removing one is refused too: a saved profile is a command run later.
    await expect(lab.call('profiles.put', { profile: { ...pythonProfile(await freePort()), name: 'other' }, replace: false })).rejects.toThrow(/cannot save other: .*--allow-commands/);
    await expect(lab.call('profiles.remove', { name: 'py-http' })).rejects.toThrow(/cannot remove py-http: .*--allow-commands/);
    expect((await lab.call('profiles.list', {})).profiles.map((profile) => profile.name)).toEqual(['py-http']);
  });
});
