// Runs autocannon (the devDependency) pinned with --json, and reads requests.total / duration.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { requireSuccess, type GeneratorResult } from './generator.ts';
import { commandLine, startPinned } from './measure.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const autocannonBin = join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');

const autocannonJsonSchema = z.object({
  /** Seconds the run actually took. */
  duration: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  requests: z.object({ average: z.number(), total: z.number() }),
});

export async function runAutocannon(args: readonly string[], url: string, cpu: string, timeoutMs: number): Promise<GeneratorResult> {
  const shown = commandLine('autocannon', [...args, url]);
  // Through node explicitly, so the pinned process is the generator itself.
  const measured = await startPinned({ program: process.execPath, args: [autocannonBin, ...args, url], cpu, timeoutMs }).done;
  requireSuccess('autocannon', shown, measured);
  const json = autocannonJsonSchema.parse(JSON.parse(measured.stdout));
  return {
    tool: 'autocannon',
    command: shown,
    responses: json.requests.total,
    reqPerSec: json.duration > 0 ? json.requests.total / json.duration : Number.NaN,
    errors: json.errors + json.non2xx,
    cpuS: measured.userS + measured.sysS,
    wallS: measured.wallS,
  };
}
