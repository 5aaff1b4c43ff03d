// Splits one shell command line into words the way a POSIX shell would for the commands people
// paste here: whitespace separates, '…' is literal, "…" keeps spaces and honours \" \\ \$ \`,
// a backslash outside quotes escapes the next character, backslash-newline continues the line.
// Pipes, redirections and command separators end the command; what follows is reported, not run.

export interface Tokens {
  words: string[];
  /** Text after a |, >, <, ;, && or || that ended the command (null when nothing did). */
  ignored: string | null;
  /** A quote that was never closed (the word runs to the end of the text). */
  unclosedQuote: "'" | '"' | null;
}

const OPERATORS = ['&&', '||', '|', ';', '>', '<', '&'];

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  const flush = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\') {
      const next = text.charAt(index + 1);
      if (next === '\n') {
        index += 2;
        continue;
      }
      if (next === '\r' && text.charAt(index + 2) === '\n') {
        index += 3;
        continue;
      }
      word += next;
      inWord = true;
      index += 2;
      continue;
    }
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end === -1) {
        words.push(word + text.slice(index + 1));
        return { words, ignored: null, unclosedQuote: "'" };
      }
      word += text.slice(index + 1, end);
      inWord = true;
      index = end + 1;
      continue;
    }
    if (char === '"') {
      const quoted = readDoubleQuoted(text, index + 1);
      word += quoted.value;
      inWord = true;
      if (quoted.end === -1) {
        words.push(word);
        return { words, ignored: null, unclosedQuote: '"' };
      }
      index = quoted.end + 1;
      continue;
    }
    if (/\s/.test(char)) {
      flush();
      index++;
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, index));
    if (operator !== undefined) {
      flush();
      const rest = text.slice(index).trim();
      return { words, ignored: rest === '' ? null : rest, unclosedQuote: null };
    }
    word += char;
    inWord = true;
    index++;
  }
  flush();
  return { words, ignored: null, unclosedQuote: null };
}

/** Reads up to the closing double quote; `end` is its index, -1 when there is none. */
function readDoubleQuoted(text: string, from: number): { value: string; end: number } {
  let value = '';
  let index = from;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '"') return { value, end: index };
    if (char === '\\') {
      const next = text.charAt(index + 1);
      if (next === '\n') {
        index += 2;
        continue;
      }
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        value += next;
        index += 2;
        continue;
      }
    }
    value += char;
    index++;
  }
  return { value, end: -1 };
}
