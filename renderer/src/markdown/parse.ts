// A small Markdown reader for run notes: headings, paragraphs, lists, block quotes, fenced code,
// rules, and inline code, bold, italics and links. It builds a tree of plain data; Markdown.tsx
// renders it with React elements, so user text is only ever text (no HTML is interpreted).

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'rule' };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^\s{0,3}([-*+])\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      index++;
      while (index < lines.length && !(lines[index] ?? '').trimStart().startsWith(marker)) body.push(lines[index++] ?? '');
      index++;
      blocks.push({ kind: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      index++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2] ?? '') });
      index++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      index++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (index < lines.length && QUOTE.test(lines[index] ?? '')) inner.push(QUOTE.exec(lines[index++] ?? '')?.[1] ?? '');
      blocks.push({ kind: 'quote', children: parseMarkdown(inner.join('\n')) });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (index < lines.length) {
        const current = lines[index] ?? '';
        const item = pattern.exec(current);
        if (item) items.push(item[ordered ? 1 : 2] ?? '');
        else if (current.trim() !== '' && /^\s+/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        index++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const current = lines[index] ?? '';
      if (current.trim() === '' || FENCE.test(current) || HEADING.test(current) || QUOTE.test(current) || BULLET.test(current) || NUMBERED.test(current) || RULE.test(current)) break;
      paragraph.push(current.trim());
      index++;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

/** Only these schemes become links; anything else (javascript:, data:, relative) stays text. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\' && /[\\`*_[\]()#>!-]/.test(text.charAt(index + 1))) {
      plain += text.charAt(index + 1);
      index += 2;
      continue;
    }
    if (char === '`') {
      const end = text.indexOf('`', index + 1);
      if (end > index) {
        flush();
        out.push({ kind: 'code', text: text.slice(index + 1, end) });
        index = end + 1;
        continue;
      }
    }
    const double = text.slice(index, index + 2);
    if (double === '**' || double === '__') {
      const end = text.indexOf(double, index + 2);
      if (end > index + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(index + 2, end)) });
        index = end + 2;
        continue;
      }
    }
    if ((char === '*' || char === '_') && text.charAt(index + 1) !== ' ' && (char === '*' || !/\w/.test(text.charAt(index - 1)))) {
      const end = findClosing(text, char, index + 1);
      if (end > index + 1) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(index + 1, end)) });
        index = end + 1;
        continue;
      }
    }
    if (char === '[') {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(text.slice(index));
      const href = link ? safeHref(link[2] ?? '') : null;
      if (link && href !== null) {
        flush();
        out.push({ kind: 'link', href, children: parseInline(link[1] ?? '') });
        index += link[0].length;
        continue;
      }
    }
    plain += char;
    index++;
  }
  flush();
  return out;
}

function findClosing(text: string, marker: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text.charAt(index) === marker && text.charAt(index - 1) !== ' ' && (marker === '*' || !/\w/.test(text.charAt(index + 1)))) return index;
  }
  return -1;
}
