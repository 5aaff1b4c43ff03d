// Event-loop delay of the thread that runs it, taken per telemetry interval: a timer ticks every
// `resolutionMs` and records the time since the previous tick; a tick late by d ms is a loop that
// could not run a callback for d ms. Readings are the delay beyond the resolution.
//
// Not node:perf_hooks' monitorEventLoopDelay: its reset() also forgets when its timer last ran,
// so a reset taken after a block but before that timer's next run (both due when the block ends,
// the sample timer first when it was due earlier) dropped the block from every sample. Here a
// reading first closes out the tick still pending, so a block is in the first reading taken after
// it ends whichever timer runs first.
import { performance } from 'node:perf_hooks';
import { DurationRecorder } from './histogram.ts';

export interface LoopDelayReadingUs {
  p50: number;
  p99: number;
  max: number;
}

export class LoopDelayMeter {
  /** Times between ticks, µs (a tick split by a reading counts as two). */
  private readonly tickIntervals = new DurationRecorder();
  private lastTickMs: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly resolutionMs: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.lastTickMs = nowMs();
  }

  /** Starts ticking; the timer does not keep the thread alive. */
  start(): void {
    this.lastTickMs = this.nowMs();
    this.timer ??= setInterval(() => this.tick(), this.resolutionMs).unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** The resolution timer ran. */
  tick(): void {
    const nowMs = this.nowMs();
    this.tickIntervals.record((nowMs - this.lastTickMs) * 1000);
    this.lastTickMs = nowMs;
  }

  /**
   * The delay since the previous reading, and a fresh start. A tick overdue now (the loop was
   * blocked and the timer has not run yet) is recorded as late as it is so far, and the next tick
   * then counts only the lateness that comes after this reading.
   */
  take(): LoopDelayReadingUs {
    const nowMs = this.nowMs();
    if (nowMs - this.lastTickMs > this.resolutionMs) {
      this.tickIntervals.record((nowMs - this.lastTickMs) * 1000);
      this.lastTickMs = nowMs - this.resolutionMs;
    }
    const intervals = this.tickIntervals.read();
    const beyondUs = (us: number): number => Math.max(0, us - this.resolutionMs * 1000);
    const reading =
      intervals.totalCount === 0
        ? { p50: 0, p99: 0, max: 0 }
        : { p50: beyondUs(intervals.getValueAtPercentile(50)), p99: beyondUs(intervals.getValueAtPercentile(99)), max: beyondUs(intervals.maxValue) };
    this.tickIntervals.reset();
    return reading;
  }
}
