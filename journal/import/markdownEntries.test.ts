import { describe, expect, it } from 'vitest';
import { headingDate, looksLikeMarkdown, markdownEntries } from './markdownEntries.ts';
import { splitLines } from './sourceLines.ts';
import { testdataLines } from './testdataFiles.ts';

describe('markdown entries', () => {
  it('cuts the seed journal at each heading, dated by the heading or the heading it sits under', () => {
    const entries = markdownEntries(testdataLines('seed-000_cba8d662fb279400.txt'));
    expect(entries.slice(0, 7).map((entry) => [entry.heading, entry.date])).toEqual([
      ['004 - 2024-10-17', '2024-10-17'],
      ['2024-10-14', '2024-10-14'],
      ['Each thread with its own channel', '2024-10-14'],
      ['001 - 2024-10-13', '2024-10-13'],
      ['002', '2024-10-14'],
      ['Thread Per Request', '2024-10-14'],
      ['Asking ChatGPT: The server implementation using your thread pool was slower than creating a thread every time for each request. Why do you think so?', null],
    ]);
    const channel = entries[2];
    expect(channel?.blocks.map((block) => [block.fenced, block.lines.length])).toEqual([
      [false, 1],
      [true, 22],
      [false, 4],
      [true, 22],
      [false, 1],
    ]);
  });

  it('does not take lines inside fences for headings, and keeps unclosed fences to the end', () => {
    const entries = markdownEntries(splitLines('# a\n```bash\n# not a heading\n```\n## b 2024-02-30 and 2024-03-02\n~~~\nopen\n'));
    expect(entries.map((entry) => entry.heading)).toEqual(['a', 'b 2024-02-30 and 2024-03-02']);
    expect(entries[1]?.date).toBe('2024-03-02');
    expect(entries[1]?.blocks[0]?.lines.map((line) => line.text)).toEqual(['open']);
    expect(entries[1]?.blocks[0]?.fence).toHaveLength(1);
  });

  it('finds a date anywhere in a heading, only real ones', () => {
    expect(headingDate('Run on 2024-10-14 after lunch')).toBe('2024-10-14');
    expect(headingDate('2024-13-01')).toBeNull();
    expect(headingDate('v1.2024-10-14x')).toBeNull();
  });

  it('tells markdown from a plain report and from HdrHistogram comments', () => {
    expect(looksLikeMarkdown(testdataLines('palantir-benches.md'))).toBe(true);
    expect(looksLikeMarkdown(testdataLines('wrk2-readme-latency.txt'))).toBe(false);
    expect(looksLikeMarkdown(splitLines('#[Mean    =        6.602, StdDeviation   =        1.919]\n#hashtag'))).toBe(false);
  });
});
