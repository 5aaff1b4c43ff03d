// The live progress line on a terminal's stderr: elapsed / duration, req/s, completion so far
// (flagged below 99 %), p99 so far, errors.
import type { LiveSample } from '../bench-runner/run.ts';
import { formatCompletion } from '../common/censored.ts';
import { formatTimeUs } from '../common/format.ts';
import { totalErrors } from '../common/runRecord.ts';

export function progressText(sample: LiveSample, intervalMs: number): string {
  const elapsedS = (sample.elapsedMs / 1000).toFixed(1);
  const durationS = (sample.durationMs / 1000).toFixed(1);
  const ratePerSec = intervalMs > 0 ? Math.round((sample.point.requests * 1000) / intervalMs) : 0;
  const p99 = sample.p99SoFarUs === null ? '-' : formatTimeUs(sample.p99SoFarUs);
  const completion = sample.completionSoFar === null ? '' : `   done ${formatCompletion(sample.completionSoFar)}`;
  return `  ${elapsedS}s / ${durationS}s   ${ratePerSec} req/s${completion}   p99 ${p99}   errors ${totalErrors(sample.totalErrors)}`;
}

export class ProgressLine {
  private lastTMs = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}

  update(sample: LiveSample): void {
    const intervalMs = sample.point.tMs - this.lastTMs;
    this.lastTMs = sample.point.tMs;
    this.stream.write(`\r\x1b[K${progressText(sample, intervalMs)}`);
  }

  clear(): void {
    this.stream.write('\r\x1b[K');
  }
}
