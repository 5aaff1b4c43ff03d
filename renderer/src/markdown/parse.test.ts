import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './parse.ts';

describe('parseMarkdown', () => {
  it("reads the seed journal's shapes: headings, text, fenced output", () => {
    const blocks = parseMarkdown('## 004 - 2024-10-17\n\nEnable keep-alive by default.\nOnly close if asked.\n\n```txt\nwrk -t12 -c400\n  12 threads\n```\n');
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: '004 - 2024-10-17' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Enable keep-alive by default. Only close if asked.' }] },
      { kind: 'code', lang: 'txt', text: 'wrk -t12 -c400\n  12 threads' },
    ]);
  });

  it('lists, with continuation lines; ordered lists; quotes; rules', () => {
    expect(parseMarkdown('- a\n  more\n- b\n\n1. one\n2) two\n\n> quoted\n> on\n\n---')).toEqual([
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a more' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'quote', children: [{ kind: 'paragraph', children: [{ kind: 'text', text: 'quoted on' }] }] },
      { kind: 'rule' },
    ]);
  });

  it('an unclosed fence runs to the end', () => {
    expect(parseMarkdown('```\nx\ny')).toEqual([{ kind: 'code', lang: '', text: 'x\ny' }]);
  });

  it('HTML is text', () => {
    expect(parseMarkdown('<script>alert(1)</script> <img src=x onerror=y>')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=y>' }] },
    ]);
  });
});

describe('parseInline', () => {
  it('code, bold, italics', () => {
    expect(parseInline('use `-R` for **wrk2** and *not* _wrk_')).toEqual([
      { kind: 'text', text: 'use ' },
      { kind: 'code', text: '-R' },
      { kind: 'text', text: ' for ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'wrk2' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'not' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'wrk' }] },
    ]);
  });

  it('snake_case and lone stars stay text', () => {
    expect(parseInline('thread_pool3 and 2 * 3')).toEqual([{ kind: 'text', text: 'thread_pool3 and 2 * 3' }]);
  });

  it('links: http(s) and mailto only', () => {
    expect(parseInline('[wrk2](https://github.com/giltene/wrk2)')).toEqual([{ kind: 'link', href: 'https://github.com/giltene/wrk2', children: [{ kind: 'text', text: 'wrk2' }] }]);
    expect(parseInline('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[x](javascript:alert(1))' }]);
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref(' mailto:a@b ')).toBe('mailto:a@b');
  });

  it('backslash escapes', () => {
    expect(parseInline('\\*not em\\*')).toEqual([{ kind: 'text', text: '*not em*' }]);
  });
});
