import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importText } from './importText.ts';
import { defaultTitle, importedRunId, type RunDraft } from './runDraft.ts';
import { IMPORTED_AT, importTestdata } from './testdataFiles.ts';

describe('imported run ids', () => {
  it('are "i-" and 16 hex of sha256(tool, ordinal, text)', () => {
    const expected = createHash('sha256').update('wrk\n1\nRunning 1s test @ http://h/').digest('hex').slice(0, 16);
    expect(importedRunId('wrk', 1, 'Running 1s test @ http://h/')).toBe(`i-${expected}`);
  });

  it('change with the tool, the place in the file and the text', () => {
    const base = importedRunId('wrk', 1, 'x');
    expect(new Set([base, importedRunId('wrk2', 1, 'x'), importedRunId('wrk', 2, 'x'), importedRunId('wrk', 1, 'y')]).size).toBe(4);
  });

  it('tell apart the same report pasted twice in a file', () => {
    const report = importTestdata('wrk-readme.txt').runs[0]?.source?.text ?? '';
    const text = `## a\n\`\`\`\n${report}\n\`\`\`\n## b\n\`\`\`\n${report}\n\`\`\`\n`;
    const [first, second] = importText(text, { fileName: 'twice.md', importedAt: IMPORTED_AT }).runs;
    expect(first?.source?.text).toBe(second?.source?.text);
    expect(first?.id).not.toBe(second?.id);
  });
});

describe('default titles', () => {
  const body = importTestdata('wrk-readme.txt').runs[0];
  function draft(command: string | null, url: string): RunDraft {
    if (!body) throw new Error('no run');
    return { tool: 'wrk', text: '', command, body: { ...body, target: { url, method: 'GET', headers: [], bodyBytes: 0 } } };
  }

  it('the command, else "<tool> <url>", else the tool', () => {
    expect(defaultTitle(draft('wrk -t1 http://h/', 'http://h/'))).toBe('wrk -t1 http://h/');
    expect(defaultTitle(draft(null, 'http://h/'))).toBe('wrk http://h/');
    expect(defaultTitle(draft(null, ''))).toBe('wrk');
  });
});
