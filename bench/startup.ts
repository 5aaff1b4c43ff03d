// CPU a generator spends just starting up and exiting (`--help` / `--version`), pinned like the
// real runs: the throughput runs' CPU includes it, so the report also shows CPU per response net
// of it. An approximation: it misses worker-thread start-up and run teardown.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProgram } from '../peers/programs.ts';
import type { Tool } from './generator.ts';
import { startPinned } from './measure.ts';
import { median } from './stats.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const startupCommands: Record<Tool, () => { program: string; args: string[]; shown: string }> = {
  loadlab: () => ({ program: process.execPath, args: [join(repoRoot, 'bin', 'loadlab.js'), 'bench', '--help'], shown: 'node bin/loadlab.js bench --help' }),
  wrk: () => ({ program: findProgram('wrk', 'wrk'), args: ['-v'], shown: 'wrk -v' }),
  autocannon: () => ({ program: process.execPath, args: [join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js'), '--version'], shown: 'autocannon --version' }),
};

export interface StartupCost {
  shown: string;
  /** Median user+sys CPU seconds of three runs. */
  cpuS: number;
}

export async function measureStartup(tool: Tool, cpu: string): Promise<StartupCost> {
  const { program, args, shown } = startupCommands[tool]();
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    // Exit status ignored: `wrk -v` exits 1 after printing its version.
    const measured = await startPinned({ program, args, cpu, timeoutMs: 30_000 }).done;
    if (measured.timedOut) throw new Error(`${shown} did not exit within 30 s`);
    samples.push(measured.userS + measured.sysS);
  }
  return { shown, cpuS: median(samples) };
}
