import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA, type ServerProfile } from '../common/serverProfile.ts';
import { openProfileStore } from '../journal/store/profiles.ts';
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

  it('refuses a profile that could not run, naming each field as `server add` would', async () => {
    const bad = { ...profile, cwd: 'relative/dir', url: 'ftp://x/', env: { 'NOT OK': '1' }, ready: { kind: 'log' as const, pattern: '(', flags: '' }, warmupMs: 3_600_000 };
    const refused = lab.call('profiles.put', { profile: bad, replace: false });
    await expect(refused).rejects.toMatchObject({ code: 'bad-params' });
    const message = await refused.catch((error: unknown) => String(error));
    expect(message).toMatch(/profile\.cwd: the folder must be an absolute path, got "relative\/dir"/);
    expect(message).toMatch(/profile\.url: not an http:\/\/ or https:\/\/ URL: "ftp:\/\/x\/"/);
    expect(message).toMatch(/profile\.env\.NOT OK: "NOT OK" is not an environment variable name/);
    expect(message).toMatch(/profile\.ready\.pattern: Invalid regular expression/);
    expect(message).toMatch(/profile\.warmupMs: at most 10 min/);
    // The store refuses it the same way (what `loadlab server add` writes through).
    await expect((await openProfileStore(dir)).put(bad, { replace: false })).rejects.toMatchObject({ code: 'invalid' });
    expect((await lab.call('profiles.list', {})).profiles).toEqual([]);
  });
});
