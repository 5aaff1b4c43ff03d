// Debian's Chromium for the end-to-end tests: missing, the tests skip locally and fail in CI.
import { chromium, type Browser, type Page } from 'playwright-core';
import { findProgram, hasProgram, peerTestsRequired } from '../../peers/programs.ts';

/** True when the browser tests should run (Chromium is there, or CI demands it). */
export const browserTestsEnabled = hasProgram('chromium', 'chromium') || peerTestsRequired();

export async function launchChromium(): Promise<Browser> {
  // In CI a missing Chromium fails here, naming the package to install.
  const executablePath = findProgram('chromium', 'chromium');
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** Console errors and uncaught page errors (a CSP violation is one), collected for an assertion. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
