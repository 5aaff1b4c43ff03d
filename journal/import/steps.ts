// Long imports in steps: a parser written as a generator yields between units of work (an entry
// of a journal, a record of a batch) and returns its result. The CLI and tests run it straight
// through (runSteps); the lab runs it in slices of a few ms and lets its event loop serve other
// clients of `loadlab web` in between (runStepsSliced), so a 10 MB import does not freeze them.

export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Default slice: short enough that other work waits at most about this long. */
export const IMPORT_SLICE_MS = 10;

/** `nowMs`: the clock (injected by tests). */
export async function runStepsSliced<T>(steps: Steps<T>, sliceMs = IMPORT_SLICE_MS, nowMs: () => number = () => performance.now()): Promise<T> {
  let sliceStart = nowMs();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (nowMs() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = nowMs();
    }
  }
}
