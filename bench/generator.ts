// What every load generator run yields, whatever the tool.
import type { Measured } from './measure.ts';

export type Tool = 'loadlab' | 'wrk' | 'autocannon';

export interface GeneratorResult {
  tool: Tool;
  /** The exact command that ran (URL included), without the taskset/time wrapper. */
  command: string;
  responses: number;
  reqPerSec: number;
  /** Errors of any kind the tool reported (socket errors, timeouts, non-2xx/3xx). */
  errors: number;
  cpuS: number;
  wallS: number;
}

export function cpuUsPerResponse(result: GeneratorResult): number {
  return result.responses > 0 ? (result.cpuS * 1e6) / result.responses : Number.NaN;
}

/** Throws with the tool's own output when it failed. */
export function requireSuccess(tool: Tool, command: string, measured: Measured): void {
  if (measured.timedOut) throw new Error(`${tool} did not finish in time and was killed: ${command}`);
  if (measured.exitCode !== 0) {
    throw new Error(`${tool} exited with ${String(measured.exitCode)}: ${command}\n${measured.stderr.trim()}\n${measured.stdout.trim()}`);
  }
}
