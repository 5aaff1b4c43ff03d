// Which build a run measured: the folder's git commit, branch, dirty flag and `git diff --stat`
// when dirty, and the program's size and modification time when it is a file. What cannot be
// read (no git, not a repository, no such file) is null.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { BuildIdentity } from '../common/serverProfile.ts';

function git(cwd: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

async function gitIdentity(cwd: string): Promise<BuildIdentity['git']> {
  const commit = (await git(cwd, ['rev-parse', 'HEAD']))?.trim();
  if (commit === undefined || commit === '') return null;
  const [branch, status] = await Promise.all([git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']), git(cwd, ['status', '--porcelain'])]);
  const dirty = status === null ? true : status.trim() !== '';
  let diffStat: string | null = null;
  if (dirty) {
    const stat = (await git(cwd, ['diff', '--stat', 'HEAD']))?.trimEnd() ?? '';
    const untracked = (status ?? '')
      .split('\n')
      .filter((line) => line.startsWith('??'))
      .map((line) => ` ${line.slice(3)} (untracked)`);
    diffStat = [stat, ...untracked].filter((part) => part !== '').join('\n');
  }
  return { commit, branch: branch?.trim() || null, dirty, diffStat };
}

export async function readBuildIdentity(cwd: string, executablePath: string | null): Promise<BuildIdentity> {
  const [gitInfo, executable] = await Promise.all([
    gitIdentity(cwd),
    executablePath === null
      ? Promise.resolve(null)
      : stat(executablePath).then(
          (info) => ({ path: executablePath, sizeBytes: info.size, mtime: info.mtime.toISOString() }),
          () => null,
        ),
  ]);
  return { cwd, git: gitInfo, executable };
}
