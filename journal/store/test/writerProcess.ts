// Bundles journalWriter.ts once into plain JavaScript (so each child starts in tens of
// milliseconds, without tsx) and starts it as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleWriter(): Promise<string> {
  const outFile = join(await mkdtemp(join(tmpdir(), 'loadlab-writer-')), 'journalWriter.mjs');
  await build({
    entryPoints: [new URL('./journalWriter.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: outFile,
    logLevel: 'silent',
  });
  return outFile;
}

export interface WriterChild {
  child: ChildProcess;
  /** Lines printed so far: "put <id>" and "updated <id>". */
  lines: string[];
  exited: Promise<number | null>;
}

export function startWriter(bundle: string, dir: string, prefix: string, count: number): WriterChild {
  const child = spawn(process.execPath, [bundle, dir, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  const lines: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}
