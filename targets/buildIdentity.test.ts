import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBuildIdentity } from './buildIdentity.ts';

describe('readBuildIdentity', () => {
  let dir: string;
  const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' }).trim();
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-build-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('outside a repository: no git, and the executable file', async () => {
    await writeFile(join(dir, 'server'), 'binary');
    const identity = await readBuildIdentity(dir, join(dir, 'server'));
    expect(identity).toEqual({ cwd: dir, git: null, executable: { path: join(dir, 'server'), sizeBytes: 6, mtime: (await stat(join(dir, 'server'))).mtime.toISOString() } });
    expect((await readBuildIdentity(dir, join(dir, 'missing'))).executable).toBeNull();
  });

  it('in a repository: commit and branch; dirty with the diff stat and untracked files', async () => {
    git('init', '-q', '-b', 'thread_pool3');
    await writeFile(join(dir, 'main.rs'), 'fn main() {}\n');
    git('add', '-A');
    git('commit', '-qm', 'first');
    const commit = git('rev-parse', 'HEAD');
    expect((await readBuildIdentity(dir, null)).git).toEqual({ commit, branch: 'thread_pool3', dirty: false, diffStat: null });
    await writeFile(join(dir, 'main.rs'), 'fn main() { loop {} }\n');
    await writeFile(join(dir, 'new.rs'), '');
    const dirty = (await readBuildIdentity(dir, null)).git;
    expect(dirty?.dirty).toBe(true);
    expect(dirty?.diffStat).toMatch(/main\.rs \| 2 \+-/);
    expect(dirty?.diffStat).toContain('new.rs (untracked)');
    git('checkout', '-q', '--detach');
    expect((await readBuildIdentity(dir, null)).git?.branch).toBeNull();
  });
});
