// Section "ui": the same max-mode run (-t1 -c50 against nginx) through the CLI and through the
// lab of `loadlab web` with the browser UI attached (Debian's Chromium showing the Lab view),
// alternating round by round. Both generators are pinned to the generator core; Chromium is left
// to the scheduler, as a desktop would. Also counts the messages that reach the page per second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { maxOf } from '../common/extent.ts';
import { startLoadlab } from './loadlabTool.ts';
import { findChild, treeCpuS } from './processCpu.ts';
import { code, table } from './markdown.ts';
import type { BenchOptions } from './options.ts';
import { GENERATOR_CPU, withNginx } from './server.ts';
import { fixed, median, rate } from './stats.ts';
import { startWebLab, type WebLab } from './webLab.ts';

const TARGET_RATIO = 0.95;
const CHROMIUM = '/usr/bin/chromium';

interface UiRound {
  cliReqPerSec: number;
  /** Through the lab with no page open: the lab's own cost, apart from the UI's. */
  labReqPerSec: number;
  uiReqPerSec: number;
  /** Messages the page received while the run went, per second of run. */
  uiMessagesPerSec: number;
  /** The most messages the page received in any one second of the run. */
  uiPeakPerSec: number;
  /** CPU the browser (all its processes) used during the run, % of one core; NaN when not found. */
  browserCpuPct: number;
}

type UiFigures = Omit<UiRound, 'cliReqPerSec' | 'labReqPerSec'>;

async function runThroughLab(lab: WebLab, url: string, durationS: number): Promise<number> {
  const finished = lab.next('run.finished', durationS * 1000 + 60_000);
  await lab.call('run.start', { target: { kind: 'url', url }, mode: 'max', threads: 1, connections: 50, durationMs: durationS * 1000, title: 'lab, no page' });
  return (await finished).header.reqPerSec;
}

async function runThroughUi(lab: WebLab, browser: Browser, browserPid: number | null, url: string, durationS: number): Promise<UiFigures> {
  const page = await browser.newPage();
  const frameTimesMs: number[] = [];
  let counting = false;
  page.on('websocket', (socket) => socket.on('framereceived', () => counting && frameTimesMs.push(Date.now())));
  await page.goto(lab.url);
  await page.waitForLoadState('networkidle');
  const finished = lab.next('run.finished', durationS * 1000 + 60_000);
  counting = true;
  const startMs = Date.now();
  const browserCpuAtStartS = browserPid === null ? Number.NaN : treeCpuS(browserPid);
  await lab.call('run.start', { target: { kind: 'url', url }, mode: 'max', threads: 1, connections: 50, durationMs: durationS * 1000, title: 'ui overhead' });
  const { header } = await finished;
  counting = false;
  const elapsedS = (Date.now() - startMs) / 1000;
  const browserCpuPct = browserPid === null ? Number.NaN : ((treeCpuS(browserPid) - browserCpuAtStartS) / elapsedS) * 100;
  await page.close();
  const perSecond = new Map<number, number>();
  for (const atMs of frameTimesMs) {
    const second = Math.floor((atMs - startMs) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return { uiReqPerSec: header.reqPerSec, uiMessagesPerSec: frameTimesMs.length / elapsedS, uiPeakPerSec: maxOf(perSecond.values(), 0), browserCpuPct };
}

export async function uiOverheadSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const journalDir = await mkdtemp(join(tmpdir(), 'loadlab-bench-ui-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  // Debian's /usr/bin/chromium is a wrapper script that execs the real binary under /usr/lib.
  const browserPid = findChild(process.pid, 'chromium');
  const lab = await startWebLab(GENERATOR_CPU, journalDir);
  const rounds: UiRound[] = [];
  try {
    await withNginx(async (server) => {
      const variants = ['cli', 'lab', 'ui'] as const;
      for (let round = 0; round < options.rounds; round++) {
        let cliReqPerSec = Number.NaN;
        let labReqPerSec = Number.NaN;
        let ui: UiFigures | null = null;
        // Rotate the order round by round, so no variant always runs first (or last).
        for (let index = 0; index < variants.length; index++) {
          const which = variants[(index + round) % variants.length];
          if (which === 'cli') {
            cliReqPerSec = (await startLoadlab(['-t1', '-c50', `-d${options.durationS}s`], server.url, GENERATOR_CPU, options.durationS * 1000 + 30_000).done).result.reqPerSec;
          } else if (which === 'lab') {
            labReqPerSec = await runThroughLab(lab, server.url, options.durationS);
          } else {
            ui = await runThroughUi(lab, browser, browserPid, server.url, options.durationS);
          }
        }
        if (ui === null) throw new Error('the UI run did not happen');
        rounds.push({ cliReqPerSec, labReqPerSec, ...ui });
        log(`ui: round ${round + 1}: CLI ${rate(cliReqPerSec)}, lab ${rate(labReqPerSec)}, lab+UI ${rate(ui.uiReqPerSec)} req/s, ${fixed(ui.uiMessagesPerSec, 1)} msg/s to the page`);
      }
    });
  } finally {
    await lab.close();
    await browser.close();
    await rm(journalDir, { recursive: true, force: true });
  }
  const ratios = rounds.map((round) => round.uiReqPerSec / round.cliReqPerSec);
  const labRatios = rounds.map((round) => round.labReqPerSec / round.cliReqPerSec);
  const rows = rounds.map((round, index) => [
    String(index + 1),
    rate(round.cliReqPerSec),
    rate(round.labReqPerSec),
    rate(round.uiReqPerSec),
    fixed(labRatios[index] ?? Number.NaN, 3),
    fixed(ratios[index] ?? Number.NaN, 3),
    fixed(round.uiMessagesPerSec, 1),
    String(round.uiPeakPerSec),
    fixed(round.browserCpuPct, 0),
  ]);
  const medianRatio = median(ratios);
  const verdict = medianRatio >= TARGET_RATIO ? `**met** (${medianRatio.toFixed(3)}× ≥ ${TARGET_RATIO}×)` : `**not met** (${medianRatio.toFixed(3)}× < ${TARGET_RATIO}×)`;
  return [
    '## ui: a run through the lab with the browser UI attached, against the CLI',
    '',
    `Load: ${code(`-t1 -c50 -d${options.durationS}s`)} (max mode) against nginx (1 worker, core ${'0'}); the CLI (${code('loadlab bench')}) and ${code('loadlab web')} pinned to core ${GENERATOR_CPU}; Chromium shows the Lab view, unpinned. The three variants rotate their order round by round.`,
    '',
    table(['round', 'CLI req/s', 'lab req/s (no page)', 'lab + UI req/s', 'lab / CLI', 'lab + UI / CLI', 'messages/s to the page', 'most in one second', 'browser CPU %'], rows),
    `Median lab / CLI ${fixed(median(labRatios), 3)}. Median lab + UI / CLI ${fixed(medianRatio, 3)} (target ≥ ${TARGET_RATIO}×: ${verdict}); median ${fixed(median(rounds.map((round) => round.uiMessagesPerSec)), 1)} messages/s reached the page, at most ${maxOf(rounds.map((round) => round.uiPeakPerSec), 0)} in any second (the lab sends at most 10/s). The browser drawing the live view used a median ${fixed(median(rounds.map((round) => round.browserCpuPct)), 0)}% of a core during the run, taken from a machine whose two cores the server and the generator already fill.`,
    '',
  ].join('\n');
}
