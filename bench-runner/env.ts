// The environment a run was measured in, kept in its record.
import os from 'node:os';
import type { RunEnv } from '../common/runRecord.ts';
import { APP_VERSION } from '../common/version.ts';

export function currentEnv(): RunEnv {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    electron: process.versions.electron ?? null,
    app: APP_VERSION,
  };
}
