// Screenshots for people to look at: every view in the light and the dark theme, full page,
// under e2e/screenshots/ (gitignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const screenshotDir = new URL('../screenshots/', import.meta.url).pathname;

/** Saves `<name>-light.png` and `<name>-dark.png`; leaves the page in the light theme. */
export async function shootBothThemes(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // From the top: the navigation sticks to the viewport, which a full-page shot stretches.
  await page.evaluate('window.scrollTo(0, 0)');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Let the palette listener re-render the charts in the new colours.
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(screenshotDir, `${name}-${colorScheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
