import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it.each([
    // [case, text, words]
    ['plain words', 'wrk -t12 -c400 http://x/', ['wrk', '-t12', '-c400', 'http://x/']],
    ['runs of spaces and tabs', '  wrk \t -t2  ', ['wrk', '-t2']],
    ['single quotes are literal', `-H 'X-A: "b" \\n'`, ['-H', 'X-A: "b" \\n']],
    ['double quotes keep spaces, honour \\"', '-H "X-A: a \\"b\\""', ['-H', 'X-A: a "b"']],
    ['double quotes keep other backslashes', '"a\\nb"', ['a\\nb']],
    ['quotes join with the word around them', `--add-header='A: b'x`, ['--add-header=A: bx']],
    ['a backslash escapes a space', 'a\\ b c', ['a b', 'c']],
    ['backslash-newline continues the line', 'wrk -t2 \\\n  -c10', ['wrk', '-t2', '-c10']],
    ['an empty quoted word is a word', `a '' b`, ['a', '', 'b']],
  ] as const)('%s', (_name, text, words) => {
    expect(tokenize(text)).toEqual({ words, ignored: null, unclosedQuote: null });
  });

  it.each([
    ['a pipe', 'wrk -t2 http://x/ | tee out.txt', '| tee out.txt'],
    ['a redirection', 'wrk http://x/ > out.txt', '> out.txt'],
    ['&&', 'wrk http://x/ && echo done', '&& echo done'],
    ['a semicolon', 'httperf --rate 10; echo', '; echo'],
  ])('stops at %s and reports the rest', (_name, text, ignored) => {
    expect(tokenize(text).ignored).toBe(ignored);
  });

  it('an operator inside quotes is text', () => {
    expect(tokenize(`-H 'a: b|c'`).words).toEqual(['-H', 'a: b|c']);
  });

  it('reports an unclosed quote', () => {
    expect(tokenize(`-H 'a: b`)).toEqual({ words: ['-H', 'a: b'], ignored: null, unclosedQuote: "'" });
    expect(tokenize('-H "a: b').unclosedQuote).toBe('"');
  });
});
