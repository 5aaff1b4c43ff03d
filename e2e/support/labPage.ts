// Steps on the page the tests share: views, presets, runs.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function goTo(page: Page, view: 'Lab' | 'Journal' | 'Compare'): Promise<void> {
  await page.locator('nav.nav').getByRole('button', { name: new RegExp(`^${view}`) }).click();
}

export async function journalCount(page: Page): Promise<number> {
  const text = await page.locator('nav.nav').getByRole('button', { name: /^Journal/ }).innerText();
  return Number(/(\d+)/.exec(text)?.[1] ?? 'NaN');
}

/** Applies a preset at the shortest length (2 s). */
export async function applyPreset(page: Page, name: string): Promise<void> {
  await page.getByLabel('Length').selectOption('smoke');
  await page.getByRole('button', { name, exact: true }).click();
}

/** Starts the run with Ctrl+Enter and waits until it is saved (the journal count goes up). */
export async function runAndWait(page: Page, timeoutMs = 30_000): Promise<void> {
  const before = await journalCount(page);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 10_000 }).toMatch(/Running|Finished/);
  await expect.poll(() => journalCount(page), { timeout: timeoutMs }).toBe(before + 1);
  await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 10_000 }).toBe('Finished');
}
