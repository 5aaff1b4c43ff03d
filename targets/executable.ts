// Finds the program a profile runs before anything is started, so "not found" and "not
// executable" are refused with its name instead of surfacing as a spawn error mid-run.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

export type ResolvedExecutable = { ok: true; path: string } | { ok: false; reason: string };

async function isExecutableFile(path: string): Promise<'ok' | 'missing' | 'not-file' | 'not-executable'> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not-file';
  } catch {
    return 'missing';
  }
  try {
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return 'ok';
  } catch {
    return 'not-executable';
  }
}

/** `program` as spawn would find it: a path (relative to `cwd`) or a name looked up in `PATH`. */
export async function resolveExecutable(program: string, cwd: string, pathVariable: string | undefined): Promise<ResolvedExecutable> {
  if (program === '') return { ok: false, reason: 'the command is empty' };
  if (program.includes('/') || (process.platform === 'win32' && program.includes('\\'))) {
    const path = isAbsolute(program) ? program : resolve(cwd, program);
    const found = await isExecutableFile(path);
    if (found === 'ok') return { ok: true, path };
    if (found === 'missing') return { ok: false, reason: `${program}: no such file (looked for ${path})` };
    if (found === 'not-file') return { ok: false, reason: `${program}: not a file (${path})` };
    return { ok: false, reason: `${program}: not executable (${path}; chmod +x it?)` };
  }
  const folders = (pathVariable ?? '').split(delimiter).filter((folder) => folder !== '');
  const extensions = process.platform === 'win32' ? ['', '.exe', '.cmd', '.bat'] : [''];
  let notExecutable: string | null = null;
  for (const folder of folders) {
    for (const extension of extensions) {
      const path = join(isAbsolute(folder) ? folder : resolve(cwd, folder), program + extension);
      const found = await isExecutableFile(path);
      if (found === 'ok') return { ok: true, path };
      if (found === 'not-executable') notExecutable ??= path;
    }
  }
  if (notExecutable !== null) return { ok: false, reason: `${program}: not executable (${notExecutable})` };
  return { ok: false, reason: `${program}: command not found in PATH` };
}
