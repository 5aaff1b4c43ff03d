import { expect, it } from 'vitest';
import { splitCommandLine } from './commandWords.ts';

it.each([
  ['python3 -m http.server 8000', ['python3', '-m', 'http.server', '8000']],
  ['  cargo   run --release ', ['cargo', 'run', '--release']],
  [`sh -c 'echo "a b"' "x \\"y\\"" z\\ w ''`, ['sh', '-c', 'echo "a b"', 'x "y"', 'z w', '']],
  ['$HOME *.txt', ['$HOME', '*.txt']],
])('splits %s', (text, words) => {
  expect(splitCommandLine(text)).toEqual(words);
});

it.each([
  ['', 'the command is empty'],
  ['echo "open', 'unterminated " quote in: echo "open'],
])('refuses %j', (text, reason) => {
  expect(splitCommandLine(text)).toBe(reason);
});
