import { describe, expect, it } from 'vitest';
import { notesToHtml } from './notesHtml.ts';

describe('notesToHtml', () => {
  it.each([
    // [case, markdown, html]
    ['paragraphs', 'one\n\ntwo', '<p>one</p>\n<p>two</p>'],
    ['a line break inside a paragraph', 'one\ntwo', '<p>one<br>\ntwo</p>'],
    ['bullets', '- a\n* b', '<ul><li>a</li><li>b</li></ul>'],
    ['numbered', '1. a\n2. b', '<ol><li>a</li><li>b</li></ol>'],
    ['a continued item', '- a\n  more', '<ul><li>a more</li></ul>'],
    ['heading', '### Why', '<h4>Why</h4>'],
    ['fenced code keeps its text', '```rust\nlet x = a < b && c;\n```', '<pre><code>let x = a &lt; b &amp;&amp; c;</code></pre>'],
    ['an unclosed fence runs to the end', '```\ncode', '<pre><code>code</code></pre>'],
    ['inline code and bold', 'use `Mutex<T>` **now**', '<p>use <code>Mutex&lt;T&gt;</code> <strong>now</strong></p>'],
    ['raw HTML is text', '<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['a script tag is text', '<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['links are text', '[click](javascript:alert(1))', '<p>[click](javascript:alert(1))</p>'],
    ['bold cannot smuggle markup', '**<b>x</b>**', '<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>'],
    ['CRLF line ends', 'a\r\n\r\nb', '<p>a</p>\n<p>b</p>'],
    ['nothing', '', ''],
  ])('%s', (_name, markdown, html) => {
    expect(notesToHtml(markdown)).toBe(html);
  });
});
