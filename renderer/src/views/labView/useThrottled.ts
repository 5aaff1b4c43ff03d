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

/** `value`, changing at most once per `intervalMs` (the latest value wins); at once when `immediate` (the run ended). */
export function useThrottled<T>(value: T, intervalMs: number, immediate: boolean): T {
  const [shown, setShown] = useState(value);
  const lastShownMs = useRef<number | null>(null);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const delayMs = immediate ? 0 : throttleDelayMs(lastShownMs.current, Date.now(), intervalMs);
    const show = (): void => {
      lastShownMs.current = Date.now();
      setShown(value);
    };
    if (delayMs === 0) {
      show();
      return;
    }
    const timer = setTimeout(show, delayMs);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs, immediate]);
  return immediate ? value : shown;
}
