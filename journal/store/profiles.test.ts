import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA, type ServerProfile } from '../../common/serverProfile.ts';
import { openProfileStore } from './profiles.ts';

const profile = (name: string): ServerProfile => ({
  schema: PROFILE_SCHEMA,
  name,
  command: ['python3', '-m', 'http.server', '8000'],
  shell: false,
  cwd: null,
  env: { A: '1' },
  url: 'http://127.0.0.1:8000/',
  ready: { kind: 'tcp', host: '127.0.0.1', port: 8000 },
  readyTimeoutMs: 30_000,
  restartEachRun: true,
  warmupMs: 0,
});

describe('profile store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-profiles-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, lists, gets and removes profiles as servers/<name>.json', async () => {
    const store = await openProfileStore(dir);
    await store.put(profile('py'), { replace: false });
    await store.put(profile('a-first'), { replace: false });
    expect(await readdir(join(dir, 'servers'))).toEqual(['a-first.json', 'py.json']);
    expect(JSON.parse(await readFile(join(dir, 'servers', 'py.json'), 'utf8'))).toEqual(profile('py'));
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['a-first', 'py']);
    expect(await store.get('py')).toEqual(profile('py'));
    await store.remove('py');
    await expect(store.get('py')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.remove('py')).rejects.toThrow(/no server profile py/);
  });

  it('refuses a second profile of the same name unless replacing', async () => {
    const store = await openProfileStore(dir);
    await store.put(profile('py'), { replace: false });
    await expect(store.put({ ...profile('py'), warmupMs: 5 }, { replace: false })).rejects.toMatchObject({ code: 'exists' });
    await store.put({ ...profile('py'), warmupMs: 5 }, { replace: true });
    expect((await store.get('py')).warmupMs).toBe(5);
  });

  it('reports damaged files by name and leaves them as they are', async () => {
    const store = await openProfileStore(dir);
    await store.put(profile('ok'), { replace: false });
    await writeFile(join(dir, 'servers', 'broken.json'), '{');
    await writeFile(join(dir, 'servers', 'wrong.json'), JSON.stringify(profile('other')));
    await writeFile(join(dir, 'servers', 'notes.txt'), 'hi');
    const listing = await store.list();
    expect(listing.profiles.map((p) => p.name)).toEqual(['ok']);
    expect(listing.problems.map((p) => p.file)).toEqual(['broken.json', 'notes.txt', 'wrong.json']);
    expect(listing.problems[2]?.reason).toMatch(/file name must be other.json/);
    expect(await readFile(join(dir, 'servers', 'broken.json'), 'utf8')).toBe('{');
  });

  it('refuses names that are not file-safe', async () => {
    const store = await openProfileStore(dir);
    await expect(store.get('../x')).rejects.toMatchObject({ code: 'invalid-name' });
  });
});
