// End to end, your own server added from the page (issue 14): Debian's nginx with two workers,
// from a config this test writes (a free loopback port, everything in a temp folder), added through
// the server panel's form (a bad folder first: the problem is said under its field), started,
// loaded for 3 s after a restart and a warm-up, its process charts on the run page, stopped; the
// journal filtered by the profile. Screenshots of each step.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProgram } from '../peers/programs.ts';
import { freePort } from '../targets/testing.ts';
import { openApp, type OpenApp } from './support/app.ts';
import { browserTestsEnabled } from './support/browser.ts';
import { goTo, journalCount } from './support/labPage.ts';
import { shootBothThemes } from './support/shots.ts';

describe.skipIf(!browserTestsEnabled || !hasProgram('nginx', 'nginx-light'))('nginx added as a profile from the page', () => {
  let app: OpenApp | undefined;
  let page: Page;
  let dir: string;
  let port: number;
  const url = (): string => `http://127.0.0.1:${port}/`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'loadlab-e2e-nginx-'));
    port = await freePort();
    await writeFile(
      join(dir, 'nginx.conf'),
      `worker_processes 2;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${port} backlog=128; location / { return 200 "hi\\n"; } }
}
`,
    );
    app = await openApp();
    page = app.page;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds the profile from the form: a bad folder is refused under its field, then it is saved', async () => {
    await page.getByRole('button', { name: 'Add your server…' }).click();
    const form = page.locator('.profile-editor');
    await form.getByLabel('Name', { exact: true }).fill('nginx-2');
    await form.getByLabel('Command', { exact: true }).fill(`nginx -p ${dir} -c ${join(dir, 'nginx.conf')} -g 'daemon off;'`);
    expect(await form.locator('.field-hint', { hasText: 'runs nginx with 6 arguments' }).textContent()).toContain('⟨daemon off;⟩');
    await form.getByLabel('Folder (cwd)', { exact: true }).fill('nginx-folder');
    await form.getByLabel('Ready port', { exact: true }).fill(String(port));
    await form.getByLabel('Restart before each run', { exact: true }).check();
    await form.getByLabel('Warm-up (s)', { exact: true }).fill('2');
    await form.getByRole('button', { name: 'Save profile' }).click();
    expect(await form.locator('.field-problem').allTextContents()).toEqual(['the folder must be an absolute path, got "nginx-folder"']);
    expect(await form.locator('.note.error').textContent()).toContain('one field needs a change');
    await shootBothThemes(page, 'nginx-profile-form-problem');
    await form.getByLabel('Folder (cwd)', { exact: true }).fill(dir);
    expect(await form.locator('.field-hint', { hasText: 'empty: http' }).textContent()).toContain(url());
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.locator('.own-server h2').textContent(), { timeout: 10_000 }).toBe('nginx-2');
    expect(await page.locator('.server-pick select').inputValue()).toBe('nginx-2');
    expect(await page.locator('.own-server-facts').textContent()).toContain('restarts it first · 2 s of warm-up load, not recorded');
  });

  it('starts it: ready, with the tree of three processes in its tiles', async () => {
    await page.getByRole('button', { name: 'Start nginx-2' }).click();
    await expect.poll(() => page.locator('.own-server .status-pill').textContent(), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => page.locator('.own-server .stats .stat').count(), { timeout: 10_000 }).toBe(5);
    await shootBothThemes(page, 'nginx-profile-ready');
  });

  it('runs 3 s against it: restarted and warmed up first, then recorded with its process charts', async () => {
    const pidBefore = await page.locator('.server-where').textContent();
    await page.getByRole('button', { name: `Load ${url()}` }).click();
    await page.getByLabel('Duration (-d)').fill('3s');
    await page.getByLabel('Rate (-R, req/s)').fill('200');
    const before = await journalCount(page);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 20_000 }).toMatch(/^Warming up nginx-2: 2 s, not recorded$/);
    await shootBothThemes(page, 'nginx-profile-warmup');
    await expect.poll(() => journalCount(page), { timeout: 40_000 }).toBe(before + 1);
    await expect.poll(() => page.locator('.live-title h2').textContent(), { timeout: 10_000 }).toBe('Finished');
    // A fresh process ran the recorded run.
    expect(await page.locator('.server-where').textContent()).not.toBe(pidBefore);
    expect(await page.locator('.live-panel .chart-title', { hasText: 'Server process: CPU' }).count()).toBe(1);
    await shootBothThemes(page, 'nginx-profile-after-run');

    await goTo(page, 'Journal');
    await page.locator('.run-title').first().click();
    await expect.poll(() => page.locator('.chart-title', { hasText: 'Server process: CPU' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.chart-title', { hasText: 'Server process: threads and accept queue' }).count()).toBe(1);
    expect(await page.locator('.config').textContent()).toContain('profile nginx-2: nginx -p');
    await shootBothThemes(page, 'nginx-profile-run-page');
  });

  it('the journal filtered by the profile shows its run, with the profile badge', async () => {
    await goTo(page, 'Journal');
    await page.getByLabel('Profile').selectOption('nginx-2');
    await expect.poll(() => page.locator('table.runs tbody tr').count()).toBe(1);
    expect(await page.locator('table.runs tbody tr .badge.model').textContent()).toBe('nginx-2');
    await shootBothThemes(page, 'nginx-profile-journal-filter');
  });

  it('stops it from the panel', async () => {
    await goTo(page, 'Lab');
    await page.locator('.own-server').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => page.locator('.own-server .status-pill').textContent(), { timeout: 15_000 }).toBe('stopped');
    expect(app?.problems ?? []).toEqual([]);
    await shootBothThemes(page, 'nginx-profile-stopped');
  });

  it('edits the profile (no warm-up now), then removes it', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.locator('.profile-editor');
    expect(await form.getByLabel('Name', { exact: true }).isDisabled()).toBe(true);
    expect(await form.getByLabel('Command', { exact: true }).inputValue()).toBe(`nginx -p ${dir} -c ${join(dir, 'nginx.conf')} -g 'daemon off;'`);
    await form.getByLabel('Warm-up (s)', { exact: true }).fill('0');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('.own-server-facts').textContent()).toContain('restarts it first · no warm-up');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await form.getByRole('button', { name: 'Remove profile…' }).click();
    await form.getByRole('button', { name: 'Remove nginx-2 for good' }).click();
    await expect.poll(() => page.locator('.server-pick select option').allTextContents()).toEqual(['Built-in server']);
    expect(await page.locator('#server-panel-title').textContent()).toBe('Built-in server');
  });
});
