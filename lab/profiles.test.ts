import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA, type ServerProfile } from '../common/serverProfile.ts';
import { createLab, type Lab } from './lab.ts';

const profile: ServerProfile = {
  schema: PROFILE_SCHEMA,
  name: 'nginx-2',
  command: ['nginx', '-c', '/tmp/x.conf', '-g', 'daemon off;'],
  shell: false,
  cwd: '/tmp',
  env: {},
  url: 'http://127.0.0.1:8080/',
  ready: { kind: 'tcp', host: '127.0.0.1', port: 8080 },
  readyTimeoutMs: 30_000,
  restartEachRun: true,
  warmupMs: 2000,
};

describe('lab API: server profiles', () => {
  let dir: string;
  let lab: Lab;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-lab-profiles-'));
    lab = await createLab({ journalDir: dir, host: 'web' });
  });
  afterEach(async () => {
    await lab.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, lists, gets and removes profiles in the journal folder', async () => {
    expect(await lab.call('profiles.put', { profile, replace: false })).toEqual(profile);
    expect(JSON.parse(await readFile(join(dir, 'servers', 'nginx-2.json'), 'utf8'))).toEqual(profile);
    expect(await lab.call('profiles.list', {})).toEqual({ profiles: [profile], problems: [] });
    expect(await lab.call('profiles.get', { name: 'nginx-2' })).toEqual(profile);
    await expect(lab.call('profiles.put', { profile, replace: false })).rejects.toMatchObject({ code: 'busy' });
    expect(await lab.call('profiles.remove', { name: 'nginx-2' })).toEqual({ name: 'nginx-2' });
    await expect(lab.call('profiles.get', { name: 'nginx-2' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('validates at the boundary', async () => {
    await expect(lab.call('profiles.get', { name: '../etc' })).rejects.toMatchObject({ code: 'bad-params' });
    await expect(lab.call('profiles.put', { profile: { ...profile, command: [] }, replace: true })).rejects.toMatchObject({ code: 'bad-params' });
  });
});
