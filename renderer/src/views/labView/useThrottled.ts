// Live charts redraw at most once per interval: recharts redraws a whole chart (SVG, axes, text
// measurement) whenever its data changes, and on a machine whose cores the server and the load
// generator already fill, the browser's drawing is taken from them (BENCHMARKS.md, "The UI's
// cost"). The figures in the header still change with every sample; only the charts wait.
import { useEffect, useRef, useState } from 'react';

/** How long a new value waits before it is shown: 0 when the last one was shown `intervalMs` or more ago (or never). */
export function throttleDelayMs(lastShownMs: number | null, nowMs: number, intervalMs: number): number {
  if (lastShownMs === null) return 0;
  return Math.max(0, lastShownMs + intervalMs - nowMs);
}

/** The wait for a new value: none when asked for at once or when it belongs to another key (run), else the throttle's. */
export function redrawDelayMs(change: { immediate: boolean; keyChanged: boolean; lastShownMs: number | null; nowMs: number; intervalMs: number }): number {
  if (change.immediate || change.keyChanged) return 0;
  return throttleDelayMs(change.lastShownMs, change.nowMs, change.intervalMs);
}

/**
 * `value`, changing at most once per `intervalMs` (the latest value wins); at once when `immediate`
 * (the run ended) or when `key` changes (another run: never its predecessor's data under its name).
 */
export function useThrottled<T>(value: T, intervalMs: number, immediate: boolean, key: string | null): T {
  const [shown, setShown] = useState({ value, key });
  const lastShownMs = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, shown.value) && key === shown.key) return;
    const delayMs = redrawDelayMs({ immediate, keyChanged: key !== shown.key, lastShownMs: lastShownMs.current, nowMs: Date.now(), intervalMs });
    const show = (): void => {
      lastShownMs.current = Date.now();
      setShown({ value, key });
    };
    if (delayMs === 0) {
      show();
      return;
    }
    const timer = setTimeout(show, delayMs);
    return () => clearTimeout(timer);
  }, [value, key, shown, intervalMs, immediate]);
  return immediate || key !== shown.key ? value : shown.value;
}
