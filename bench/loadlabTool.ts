// Runs `node bin/loadlab.js bench ... --json FILE URL` pinned, and reads its run record.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measuredRunRecordSchema, totalErrors, type MeasuredRunRecord } from '../common/runRecord.ts';
import { requireSuccess, type GeneratorResult } from './generator.ts';
import { commandLine, startPinned, type Measured } from './measure.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const loadlabBin = join(repoRoot, 'bin', 'loadlab.js');

export interface LoadlabRun {
  result: GeneratorResult;
  record: MeasuredRunRecord;
  measured: Measured;
}

export interface LoadlabRunning {
  done: Promise<LoadlabRun>;
}

/** `benchArgs` are the flags after `bench` (without --json and the URL). */
export function startLoadlab(benchArgs: readonly string[], url: string, cpu: string, timeoutMs: number): LoadlabRunning {
  const done = (async (): Promise<LoadlabRun> => {
    const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-'));
    try {
      const jsonFile = join(dir, 'run.json');
      const args = [loadlabBin, 'bench', ...benchArgs, '--json', jsonFile, url];
      const shown = commandLine('node', [relative(process.cwd(), loadlabBin), 'bench', ...benchArgs, '--json', 'FILE', url]);
      const measured = await startPinned({ program: process.execPath, args, cpu, timeoutMs }).done;
      requireSuccess('loadlab', shown, measured);
      const record = measuredRunRecordSchema.parse(JSON.parse(await readFile(jsonFile, 'utf8')));
      const { summary } = record;
      const errors = totalErrors(summary.errors);
      const result: GeneratorResult = {
        tool: 'loadlab',
        command: shown,
        responses: summary.requests,
        reqPerSec: summary.reqPerSec,
        errors,
        cpuS: measured.userS + measured.sysS,
        wallS: measured.wallS,
      };
      return { result, record, measured };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return { done };
}
