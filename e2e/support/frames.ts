// Frame times in the page: requestAnimationFrame deltas collected while the test acts, summed up.
import type { Page } from 'playwright-core';

/** The page's globals these functions use (the test's tsconfig has no DOM types). */
interface FramePage {
  __frames?: { deltas: number[]; last: number; on: boolean };
  requestAnimationFrame(callback: (now: number) => void): number;
  performance: { now(): number };
}

export async function startFrameLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const win = globalThis as unknown as FramePage;
    const log = { deltas: [] as number[], last: win.performance.now(), on: true };
    win.__frames = log;
    const tick = (now: number): void => {
      if (!log.on) return;
      log.deltas.push(now - log.last);
      log.last = now;
      win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);
  });
}

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames over 50 ms (a visible stutter). */
  over50: number;
}

export async function stopFrameLog(page: Page): Promise<FrameStats> {
  const deltas = await page.evaluate(() => {
    const log = (globalThis as unknown as FramePage).__frames;
    if (log === undefined) return [];
    log.on = false;
    return log.deltas.slice(1);
  });
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (p: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 10) / 10;
  return { frames: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10, over50: sorted.filter((delta) => delta > 50).length };
}
