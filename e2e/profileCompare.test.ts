// End to end, issue 14's "thread_pool3 at a1b2c3 vs own-channel at d4e5f6 is two clicks": runs of
// two profiles at their commits (records of launched servers, put in the journal), filtered in the
// journal by profile and commit, then compared grouped by profile and commit. Screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { PROFILE_SCHEMA } from '../common/serverProfile.ts';
import { sampleRecordWith } from '../common/testing/sampleRecords.ts';
import { openApp, type OpenApp } from './support/app.ts';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';

function ownRun(id: string, minute: number, profile: string, commit: string, reqPerSec: number): MeasuredRunRecord {
  const base = sampleRecordWith(id, `2026-12-06T10:${String(minute).padStart(2, '0')}:00.000Z`);
  return {
    ...base,
    title: `${profile} run ${id}`,
    summary: { ...base.summary, reqPerSec },
    server: {
      kind: 'launched',
      profile: { schema: PROFILE_SCHEMA, name: profile, command: ['./target/release/server'], shell: false, cwd: '/src/webserver', env: {}, url: 'http://127.0.0.1:7878/', ready: { kind: 'tcp', host: '127.0.0.1', port: 7878 }, readyTimeoutMs: 30_000, restartEachRun: true, warmupMs: 0 },
      command: ['./target/release/server'],
      shell: false,
      pid: 4242,
      build: { cwd: '/src/webserver', git: { commit, branch: profile, dirty: false, diffStat: null }, executable: null },
      log: { text: '', droppedBytes: 0 },
      exit: null,
    },
  };
}

const runs = [
  ownRun('pool-1', 1, 'thread_pool3', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 980),
  ownRun('pool-2', 2, 'thread_pool3', 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 990),
  ownRun('chan-1', 3, 'own-channel', 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d', 700),
  ownRun('chan-2', 4, 'own-channel', 'd4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d', 720),
  ownRun('chan-old', 0, 'own-channel', '0000000aaaaaaabbbbbbbcccccccdddddddeeeee', 500),
];

async function pick(page: Page, title: string): Promise<void> {
  await page.getByRole('checkbox', { name: `Pick ${title}` }).check();
}

describe.skipIf(!browserTestsEnabled)('profile and commit in the Journal and Compare', () => {
  let app: OpenApp | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await openApp({ records: runs });
    page = app.page;
    await goTo(page, 'Journal');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('the list shows each run’s profile and commit and filters by them', async () => {
    await expect.poll(() => page.locator('table.runs tbody tr').count(), { timeout: 10_000 }).toBe(5);
    expect(await page.locator('table.runs tbody tr').first().locator('.badge.build').textContent()).toBe('@d4e5f6a');
    await page.getByLabel('Profile').selectOption('own-channel');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(3);
    await page.getByLabel('Commit').selectOption({ label: 'd4e5f6a (own-channel)' });
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(2);
    await shootBothThemes(page, 'journal-profile-commit-filter');
    await page.getByLabel('Profile').selectOption('');
  });

  it('compares thread_pool3 at a1b2c3d with own-channel at d4e5f6a, grouped by profile and commit', async () => {
    for (const run of runs.slice(0, 4)) await pick(page, run.title);
    await page.locator('.selection-bar').getByRole('button', { name: 'Compare' }).click();
    await page.getByLabel('Group by').selectOption('profile-build');
    await expect.poll(() => page.locator('.compare-table').textContent(), { timeout: 10_000 }).toContain('own-channel at d4e5f6a');
    expect(await page.locator('.compare-table').textContent()).toContain('thread_pool3 at a1b2c3d');
    expect(await page.locator('.compare-picker h2').textContent()).toContain('4 runs in 2 groups');
    await shootBothThemes(page, 'compare-profile-commit');
    expect(app?.problems ?? []).toEqual([]);
  });
});
