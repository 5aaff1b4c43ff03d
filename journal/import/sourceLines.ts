// A file's lines with their 1-based numbers, so every parser can name the line it is reading.

export interface SourceLine {
  readonly text: string;
  /** 1-based line number in the imported file. */
  readonly no: number;
}

/** Splits on \n, \r\n or \r; a final newline does not make an extra empty line. */
export function splitLines(text: string): SourceLine[] {
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts.map((part, index) => ({ text: part, no: index + 1 }));
}

export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text).join('\n');
}

export function isBlank(line: SourceLine): boolean {
  return line.text.trim() === '';
}
