import { describe, expect, it } from 'vitest';
import { runSteps, runStepsSliced, type Steps } from './steps.ts';

/** Nine units of work; each notes how often other work (an immediate) ran before it. */
function* work(seen: number[], ticks: { count: number }): Steps<string> {
  for (let unit = 0; unit < 9; unit++) {
    seen.push(ticks.count);
    yield;
  }
  return 'done';
}

/** Other work waiting on the event loop: counts each turn it gets. */
function otherWork(): { count: number; stop(): void } {
  const ticks = { count: 0, stopped: false, stop: () => (ticks.stopped = true) };
  const tick = (): void => {
    if (ticks.stopped) return;
    ticks.count += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  return ticks;
}

describe('steps', () => {
  it('runSteps goes straight through', () => {
    const ticks = otherWork();
    const seen: number[] = [];
    expect(runSteps(work(seen, ticks))).toBe('done');
    ticks.stop();
    expect(seen).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('runStepsSliced lets other work run once a slice is used up (an injected clock: 4 ms a unit, 10 ms slices)', async () => {
    const ticks = otherWork();
    const seen: number[] = [];
    let clockMs = 0;
    const nowMs = (): number => clockMs;
    const steps = work(seen, ticks);
    const advancing: Steps<string> = (function* () {
      for (;;) {
        const step = steps.next();
        if (step.done === true) return step.value;
        clockMs += 4;
        yield;
      }
    })();
    expect(await runStepsSliced(advancing, 10, nowMs)).toBe('done');
    ticks.stop();
    // A pause after every third unit (12 ms ≥ 10 ms): the other work ran there, not between units of a slice.
    expect(seen.slice(0, 3)).toEqual([0, 0, 0]);
    expect(seen[3]).toBeGreaterThan(0);
    expect(seen[4]).toBe(seen[3]);
    expect(seen[6]).toBeGreaterThan(seen[5] ?? Infinity);
  });
});
