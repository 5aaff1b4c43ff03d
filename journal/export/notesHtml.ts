// A run's notes (Markdown the user wrote) as HTML, minimally and safely: paragraphs, headings,
// lists, fenced code and inline `code` / **bold**. Every character of the notes is escaped;
// no raw HTML, links or images pass through (a link shows as its text).
import { escapeXml } from './escape.ts';

type Block = { kind: 'code'; lines: string[] } | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'heading'; text: string } | { kind: 'paragraph'; lines: string[] };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

export function notesToHtml(markdown: string): string {
  return parseBlocks(markdown).map(renderBlock).join('\n');
}

function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let current: Block | null = null;
  const close = (): void => {
    if (current !== null) blocks.push(current);
    current = null;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      close();
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      for (index++; index < lines.length && !(lines[index] ?? '').trimStart().startsWith(marker); index++) code.push(lines[index] ?? '');
      blocks.push({ kind: 'code', lines: code });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const heading = HEADING.exec(line);
    if (line.trim() === '') {
      close();
    } else if (heading) {
      close();
      blocks.push({ kind: 'heading', text: heading[1] ?? '' });
    } else if (bullet || numbered) {
      const ordered = numbered !== null;
      const text = (numbered ?? bullet)?.[1] ?? '';
      if (current === null || current.kind !== 'list' || current.ordered !== ordered) {
        close();
        current = { kind: 'list', ordered, items: [] };
      }
      current.items.push(text);
    } else if (current !== null && current.kind === 'list' && /^\s+\S/.test(line)) {
      // An indented line continues the last list item.
      const last = current.items.length - 1;
      current.items[last] = `${current.items[last] ?? ''} ${line.trim()}`;
    } else {
      if (current === null || current.kind !== 'paragraph') {
        close();
        current = { kind: 'paragraph', lines: [] };
      }
      current.lines.push(line.trim());
    }
  }
  close();
  return blocks;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'code':
      return `<pre><code>${escapeXml(block.lines.join('\n'))}</code></pre>`;
    case 'heading':
      return `<h4>${inlineHtml(block.text)}</h4>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${block.lines.map(inlineHtml).join('<br>\n')}</p>`;
  }
}

/** `code` spans verbatim (escaped); elsewhere **bold**; everything escaped. */
function inlineHtml(text: string): string {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part) => {
      const code = /^(`+)([^`]*?)\1$/.exec(part);
      if (code) return `<code>${escapeXml(code[2] ?? '')}</code>`;
      return escapeXml(part).replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<strong>$1</strong>');
    })
    .join('');
}
