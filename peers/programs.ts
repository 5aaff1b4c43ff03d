// Finds Debian programs the peer tests and benchmarks need.
import { spawnSync } from 'node:child_process';

export class MissingProgramError extends Error {
  override name = 'MissingProgramError';
}

/** The program's path, or a MissingProgramError naming the Debian package to install. */
export function findProgram(name: string, debianPackage: string): string {
  for (const candidate of [name, `/usr/sbin/${name}`, `/usr/bin/${name}`]) {
    const result = spawnSync('sh', ['-c', `command -v ${candidate}`], { encoding: 'utf8' });
    const path = result.stdout.trim();
    if (result.status === 0 && path) return path;
  }
  throw new MissingProgramError(`${name} is not installed (apt-get install -y ${debianPackage})`);
}

/** True when the program is there. Peer tests skip without it locally but fail in CI (CI=true). */
export function hasProgram(name: string, debianPackage: string): boolean {
  try {
    findProgram(name, debianPackage);
    return true;
  } catch {
    return false;
  }
}

/** In CI a missing peer is a failure, not a skip. */
export function peerTestsRequired(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}
