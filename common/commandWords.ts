// Splits a command line into words the way a POSIX shell's quoting does (single quotes, double
// quotes with \" and \\, backslash escapes), without running a shell: no variables, globs,
// pipes or redirections. For `bench --server-cmd "python3 -m http.server 8000"`.

/** The words, or a string saying what is wrong. */
export function splitCommandLine(text: string): string[] | string {
  const words: string[] = [];
  let word = '';
  /** A word has begun (it may be empty: ''). */
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote === "'") {
      if (char === "'") quote = null;
      else word += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = null;
      else if (char === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i] ?? '';
      else word += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (char === "'" || char === '"') quote = char;
    else if (char === '\\' && i + 1 < text.length) word += text[++i] ?? '';
    else word += char;
  }
  if (quote !== null) return `unterminated ${quote} quote in: ${text}`;
  if (inWord) words.push(word);
  if (words.length === 0) return 'the command is empty';
  return words;
}
