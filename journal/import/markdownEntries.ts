// A markdown journal cut into entries: each ATX heading starts one, and its body is a list of
// fenced code blocks and the prose between them (indented code blocks stay in the prose).
import type { SourceLine } from './sourceLines.ts';

export interface MarkdownBlock {
  readonly fenced: boolean;
  /** The lines inside the fences, or the prose lines. */
  readonly lines: readonly SourceLine[];
  /** For a fenced block: its opening and closing fence lines (the closing one may be missing). */
  readonly fence: readonly SourceLine[];
}

export interface MarkdownEntry {
  /** The heading's text without the #s; null for the text before the first heading. */
  readonly heading: string | null;
  /** The heading's date (YYYY-MM-DD), else the date of the nearest enclosing heading that has one. */
  readonly date: string | null;
  readonly blocks: readonly MarkdownBlock[];
}

const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** The first real calendar date (YYYY-MM-DD) in a heading. */
export function headingDate(heading: string): string | null {
  for (const match of heading.matchAll(DATE_RE)) {
    const [text, year, month, day] = match;
    const date = new Date(`${text}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() === Number(year) && date.getUTCMonth() + 1 === Number(month) && date.getUTCDate() === Number(day)) return text;
  }
  return null;
}

/** True when the text has a heading or a code fence outside code: it is markdown. */
export function looksLikeMarkdown(lines: readonly SourceLine[]): boolean {
  return lines.some((line) => HEADING_RE.test(line.text) || FENCE_RE.test(line.text));
}

class EntryBuilder {
  readonly blocks: MarkdownBlock[] = [];
  private prose: SourceLine[] = [];

  constructor(
    readonly heading: string | null,
    private readonly date: string | null,
  ) {}

  addProse(line: SourceLine): void {
    this.prose.push(line);
  }

  addFenced(fence: SourceLine[], lines: SourceLine[]): void {
    this.flushProse();
    this.blocks.push({ fenced: true, lines, fence });
  }

  build(): MarkdownEntry {
    this.flushProse();
    return { heading: this.heading, date: this.date, blocks: this.blocks };
  }

  private flushProse(): void {
    if (this.prose.length > 0) this.blocks.push({ fenced: false, lines: this.prose, fence: [] });
    this.prose = [];
  }
}

export function markdownEntries(lines: readonly SourceLine[]): MarkdownEntry[] {
  const entries: MarkdownEntry[] = [];
  let entry = new EntryBuilder(null, null);
  // Enclosing headings and their dates: "### Thread per request" under "## 2024-10-14" is of that day.
  const enclosing: { level: number; date: string | null }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line === undefined) break;
    const fence = FENCE_RE.exec(line.text);
    const heading = HEADING_RE.exec(line.text);
    if (fence) {
      // The block runs to a closing fence of the same character, at least as long (CommonMark).
      const marker = fence[1] ?? '```';
      const closing = new RegExp(`^ {0,3}${marker.charAt(0) === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const inside: SourceLine[] = [];
      const fences = [line];
      for (index++; index < lines.length; index++) {
        const next = lines[index];
        if (next === undefined) break;
        if (closing.test(next.text)) {
          fences.push(next);
          break;
        }
        inside.push(next);
      }
      entry.addFenced(fences, inside);
    } else if (heading) {
      entries.push(entry.build());
      const level = (heading[1] ?? '#').length;
      while ((enclosing.at(-1)?.level ?? 0) >= level) enclosing.pop();
      const text = (heading[2] ?? '').trim();
      const date = headingDate(text) ?? enclosing.at(-1)?.date ?? null;
      enclosing.push({ level, date });
      entry = new EntryBuilder(text, date);
    } else {
      entry.addProse(line);
    }
  }
  entries.push(entry.build());
  return entries.filter((built) => built.heading !== null || built.blocks.some((block) => block.fenced || block.lines.some((line) => line.text.trim() !== '')));
}
