// `loadlab journal` with hostile content: terminal escapes and forged rows in titles, warnings
// and file names never reach the terminal raw; a batch with a bad run, a file too large to read
// and a corrupt run on disk are each named while the rest goes through.
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedRecord } from '../common/testing/simulatedRuns.ts';
import { runLoadlab } from '../peers/loadlabCli.ts';

const ESC = '\u001b';
const HOSTILE_TITLE = `${ESC}]0;owned${ESC}\\${ESC}[2J${ESC}]8;;http://evil/${ESC}\\click${ESC}]8;;${ESC}\\\nfake-id  2026-01-01 00:00  rate  1.0`;

let dir = '';
let journalDir = '';
const journal = (...args: string[]) => runLoadlab(['journal', ...args, '--journal', journalDir]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loadlab-cli-hostile-'));
  journalDir = join(dir, 'journal');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectNoControls(text: string): void {
  // Newlines end lines; nothing else below 0x20 (ESC, BEL, CR) may reach the terminal.
  expect([...text.replace(/\n/g, '')].filter((char) => char < ' ' || (char >= '\u007f' && char <= '\u009f'))).toEqual([]);
}

describe('loadlab journal with hostile content', () => {
  it('import, list and show escape control characters in data; a title cannot forge rows', async () => {
    const hostile = simulatedRecord({ id: 'hostile-run', title: HOSTILE_TITLE, notes: `notes ${ESC}[31mred\nsecond line` });
    const path = join(dir, `runs${ESC}[2J.json`);
    await writeFile(path, JSON.stringify([hostile, { ...simulatedRecord({ id: 'other-run', seed: 2 }), id: '../../etc/x' }]));
    const imported = await journal('import', path);
    expectNoControls(imported.stdout);
    expectNoControls(imported.stderr);
    expect(imported.stdout).toContain('added    hostile-run  \\x1b]0;owned');
    expect(imported.stdout).toMatch(/^refused {2}\.\.\/\.\.\/etc\/x {2}runs\\x1b\[2J\.json: not a run id/m);
    expect(imported.stderr).toContain('1 added, 0 already there, 1 refused, 0 file(s) not read');
    expect(imported.status).toBe(1);

    const listed = await journal('list');
    expectNoControls(listed.stdout);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(2); // the heading and one run
    expect(listed.stdout).not.toMatch(/^fake-id/m);

    const shown = await journal('show', 'hostile-run');
    expectNoControls(shown.stdout);
    expect(shown.stdout).toContain('notes \\x1b[31mred\nsecond line');
  });

  it('names a file too large to read, with its size, and reads the others', async () => {
    const huge = join(dir, 'huge.log');
    await writeFile(huge, '');
    await truncate(huge, 300 * 1024 * 1024); // sparse: no disk used
    const small = join(dir, 'one.json');
    await writeFile(small, JSON.stringify(simulatedRecord({ id: 'small-run', seed: 3 })));
    const result = await journal('import', huge, small);
    expect(result.stderr).toMatch(/huge\.log: not read: 300\.00MB \(314572800 bytes\) is more than the 256\.00MB an import reads/);
    expect(result.stdout).toContain('added    small-run');
    expect(result.stderr).toContain('1 added, 0 already there, 0 refused, 1 file(s) not read');
    expect(result.status).toBe(1);
  });

  it('export --all leaves out a run whose histogram is corrupt, naming it, and exports the rest', async () => {
    const corrupt = { ...simulatedRecord({ id: 'corrupt-run', seed: 4 }), histograms: { correctedUs: 'HISTFAAAACR4nJNpmSzMwMDAxQABzFCaEUzOmNZg', uncorrectedUs: null } };
    await writeFile(join(journalDir, 'runs', 'corrupt-run.json'), JSON.stringify(corrupt));
    const out = join(dir, 'export');
    await mkdir(out);
    const result = await journal('export', '--all', '--format', 'html', '--out', out);
    expect(result.stderr).toMatch(/left out corrupt-run: histograms\.correctedUs is not a compressed HdrHistogram/);
    expect(result.stderr).toContain('exported 2 run(s) as html, 1 left out');
    expect(result.stdout).toContain('loadlab-runs.html');
    expect(result.status).toBe(1);
  });
});
