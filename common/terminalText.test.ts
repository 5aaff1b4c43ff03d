import { describe, expect, it } from 'vitest';
import { terminalBlock, terminalLine } from './terminalText.ts';

const ESC = '\u001b';

describe('terminal text', () => {
  it.each([
    // [input, one line, block]
    ['plain title', 'plain title', 'plain title'],
    [`${ESC}]0;pwned\u0007`, '\\x1b]0;pwned\\x07', '\\x1b]0;pwned\\x07'],
    [`${ESC}[2J`, '\\x1b[2J', '\\x1b[2J'],
    [`${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, '\\x1b]8;;http://evil\\x1b\\click\\x1b]8;;\\x1b\\', '\\x1b]8;;http://evil\\x1b\\click\\x1b]8;;\\x1b\\'],
    ['row\nforged  row', 'row\\x0aforged  row', 'row\nforged  row'],
    ['over\rwrite', 'over\\x0dwrite', 'over\\x0dwrite'],
    ['a\tb', 'a\\x09b', 'a\tb'],
    ['c1 \u009b31m', 'c1 \\x9b31m', 'c1 \\x9b31m'],
    ['bidi \u202eexe.txt', 'bidi \\u202eexe.txt', 'bidi \\u202eexe.txt'],
    ['µs ≥ 1 ✓', 'µs ≥ 1 ✓', 'µs ≥ 1 ✓'],
  ])('%j', (input, line, block) => {
    expect(terminalLine(input)).toBe(line);
    expect(terminalBlock(input)).toBe(block);
  });
});
