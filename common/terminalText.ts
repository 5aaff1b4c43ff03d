// Data on its way to a terminal: titles, notes, warnings, file names and reports come from
// imported files and are untrusted. Control characters in them (ESC sequences that set the window
// title, clear the screen or hide OSC-8 links; CR that overwrites a line; newlines that forge rows
// of a table) are shown as visible escapes (`\x1b`, `\u202e`), never sent raw.

/** C0 controls, DEL, C1 controls, and the bidi overrides/isolates that reorder what is shown. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of data (a title, a table cell, a file name): every control character escaped, newlines included. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A block of data (a report, notes): newlines and tabs kept, every other control character escaped. */
export function terminalBlock(text: string): string {
  return text.replace(UNSAFE_IN_BLOCK, visible);
}
