// A pasted wrk, wrk2 or httperf command line (or a whole journal entry with one in it) into
// changes to the load form.
import type { ParsedCommand } from './parsed.ts';
import { parseHttperfWords } from './parseHttperf.ts';
import { parseWrkWords } from './parseWrk.ts';
import { tokenize } from './tokenize.ts';

const PROMPT = /^\s*(?:[$%#>]\s+)/;
/** Words that may come before the program and change nothing here. */
const WRAPPERS = new Set(['sudo', 'time', 'nice', 'exec', 'command', 'npx', 'node']);

export function parseCommandLine(text: string): ParsedCommand {
  const line = commandLineIn(text);
  if (line === null) return { ok: false, problems: ['paste a wrk, wrk2 or httperf command line, such as wrk -t12 -c400 -d30s -R1000 http://localhost:7878/'] };
  const tokens = tokenize(line);
  if (tokens.unclosedQuote !== null) return { ok: false, problems: [`a ${tokens.unclosedQuote} quote is not closed`] };
  const words = tokens.words.slice(leadingWrappers(tokens.words));
  const notes = tokens.ignored === null ? [] : [`ignored what follows the command: ${tokens.ignored}`];
  const parsed = dispatch(words);
  return parsed.ok ? { ...parsed, notes: [...notes, ...parsed.notes] } : parsed;
}

function dispatch(words: readonly string[]): ParsedCommand {
  const first = words[0];
  if (first === undefined) return { ok: false, problems: ['the command line is empty'] };
  if (first.startsWith('-')) return parseWrkWords(words, 'wrk');
  const program = programName(first);
  switch (program) {
    case 'wrk':
      return parseWrkWords(words.slice(1), 'wrk');
    case 'wrk2':
      return parseWrkWords(words.slice(1), 'wrk2');
    case 'httperf':
      return parseHttperfWords(words.slice(1), 'httperf');
    case 'loadlab':
    case 'loadlab.js': {
      const sub = words[1];
      if (sub === 'bench') return parseWrkWords(words.slice(2), 'loadlab bench');
      if (sub === 'httperf') return parseHttperfWords(words.slice(2), 'loadlab httperf');
      return { ok: false, problems: [`loadlab ${sub ?? '(nothing)'}: only loadlab bench and loadlab httperf drive load`] };
    }
    default:
      return { ok: false, problems: [`${first} is not wrk, wrk2 or httperf`] };
  }
}

/** The program's file name: "/usr/local/bin/wrk" → "wrk". */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).toLowerCase();
}

function leadingWrappers(words: readonly string[]): number {
  let index = 0;
  while (index < words.length - 1 && WRAPPERS.has(words[index] ?? '')) index++;
  return index;
}

/**
 * The command line in the text: backslash-newline continuations joined, a shell prompt dropped;
 * the first line that starts with a known program or an option, else the first non-empty line.
 */
function commandLineIn(text: string): string | null {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.replace(PROMPT, '').trim());
  const known = lines.find((line) => /^(?:(?:sudo|time|nice|npx|node)\s+)*(?:\S*\/)?(?:wrk2?|httperf|loadlab(?:\.js)?)(?:\s|$)/i.test(line) || line.startsWith('-'));
  return known ?? lines.find((line) => line !== '' && !line.startsWith('```')) ?? null;
}
