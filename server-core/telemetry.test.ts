// TelemetryRecorder on this thread: a loop blocked until the very moment a sample is taken (the
// sample timer is the first callback after a block whenever it was due before the loop-delay
// timer) is in that sample or the next one, not lost.
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelGauges } from './models/model.ts';
import { TelemetryRecorder } from './telemetry.ts';

const IDLE_GAUGES: ModelGauges = { queueDepths: [], busy: 0, busyPeak: 0, handlerThreads: 0, threadsStartedTotal: 0, deathsTotal: 0, threadStartsUs: [] };
const BLOCK_MS = 400;

function blockMs(ms: number): void {
  const endMs = performance.now() + ms;
  while (performance.now() < endMs);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('TelemetryRecorder event-loop delay', () => {
  let recorder: TelemetryRecorder | null = null;
  afterEach(() => recorder?.close());

  it('reports a block that ends right before a sample, before the loop-delay timer has run again', async () => {
    recorder = new TelemetryRecorder('event-loop');
    await pause(50);
    // Whatever delayed the loop before (module loading, a loaded machine) goes to this sample.
    recorder.sample(IDLE_GAUGES, 0);
    blockMs(BLOCK_MS);
    const covering = recorder.sample(IDLE_GAUGES, 0);
    await pause(50);
    const next = recorder.sample(IDLE_GAUGES, 0);
    // The loop ran no callback for at least BLOCK_MS of wall-clock time, so the overdue tick is
    // at least BLOCK_MS minus the 10 ms resolution late; load only makes it later. 300 ms leaves
    // room for a loaded machine and still fails when the block is lost (a few ms at most).
    expect(Math.max(covering.eventLoopDelayUs.max, next.eventLoopDelayUs.max)).toBeGreaterThan(300_000);
  });
});
