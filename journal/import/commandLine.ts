// Command lines of the load tools as people paste them: with or without a shell prompt
// ("$ wrk …", "➜  ~  httperf …", "user@host:~/wrk$ ./wrk …"), or inline in markdown backticks.

export type CommandTool = 'wrk' | 'wrk2' | 'httperf' | 'autocannon' | 'loadlab-bench' | 'loadlab-httperf';

export interface CommandLine {
  readonly tool: CommandTool;
  /** The command without its prompt. */
  readonly text: string;
  /** The words after the program name (and after "bench"/"httperf" for loadlab). */
  readonly args: readonly string[];
}

/** Splits like a POSIX shell: whitespace separates words, quotes group, backslash escapes. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote !== null) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && index + 1 < text.length) word += text.charAt(++index);
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && index + 1 < text.length) {
      word += text.charAt(++index);
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The command a whole text is, or null: the program must be a load tool and have arguments. */
function programCommand(text: string): CommandLine | null {
  const words = tokenize(text);
  let [program, ...args] = words;
  if (program === 'npx' && args[0] === 'autocannon') [program, ...args] = args;
  if (program === undefined || args.length === 0) return null;
  const name = baseName(program);
  let tool: CommandTool | null = null;
  if (name === 'wrk2' || (name === 'wrk' && program.split('/').includes('wrk2'))) tool = 'wrk2';
  else if (name === 'wrk') tool = 'wrk';
  else if (name === 'httperf') tool = 'httperf';
  else if (name === 'autocannon') tool = 'autocannon';
  else if (name === 'loadlab' && (args[0] === 'bench' || args[0] === 'httperf')) {
    tool = args[0] === 'bench' ? 'loadlab-bench' : 'loadlab-httperf';
    args = args.slice(1);
  }
  return tool === null ? null : { tool, text: text.trim(), args };
}

// A shell prompt before the command: "$", "#", "%", ">", "$>", "user@host:~/dir$", "➜  ~".
const PROMPT_RE = /^(?:\S*[$#%>]|➜(?:\s+\S+)?)\s+(.*)$/;

/** The command on a line, with or without a prompt before it; null when the line is not one. */
export function readCommand(line: string): CommandLine | null {
  const trimmed = line.trim();
  const direct = programCommand(trimmed);
  if (direct) return direct;
  const prompted = PROMPT_RE.exec(trimmed);
  return prompted?.[1] === undefined ? null : programCommand(prompted[1]);
}

/** Commands in a prose line's inline code spans (`wrk -t2 …`). */
export function inlineCommands(line: string): CommandLine[] {
  const commands: CommandLine[] = [];
  for (const match of line.matchAll(/`([^`]+)`/g)) {
    const command = match[1] === undefined ? null : readCommand(match[1]);
    if (command) commands.push(command);
  }
  return commands;
}

/** Reads a tool's flags: "-t12", "-t 12", "--threads=12", "--threads 12"; booleans take no value. */
export function readFlags(args: readonly string[], booleans: ReadonlySet<string>): { flags: [string, string][]; positional: string[] } {
  const flags: [string, string][] = [];
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      break;
    } else if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals < 0 ? arg : arg.slice(0, equals);
      if (equals >= 0) flags.push([name, arg.slice(equals + 1)]);
      else if (booleans.has(name)) flags.push([name, '']);
      else flags.push([name, args[++index] ?? '']);
    } else if (arg.startsWith('-') && arg.length > 1) {
      const name = arg.slice(0, 2);
      if (booleans.has(name)) flags.push([name, '']);
      else if (arg.length > 2) flags.push([name, arg.slice(2)]);
      else flags.push([name, args[++index] ?? '']);
    } else {
      positional.push(arg);
    }
  }
  return { flags, positional };
}

/** The last value given for any of a flag's names. */
export function flagValue(flags: readonly [string, string][], ...names: string[]): string | null {
  let value: string | null = null;
  for (const [name, given] of flags) if (names.includes(name)) value = given;
  return value;
}

export function hasFlag(flags: readonly [string, string][], ...names: string[]): boolean {
  return flags.some(([name]) => names.includes(name));
}

/** All values of a repeatable flag (headers). */
export function flagValues(flags: readonly [string, string][], ...names: string[]): string[] {
  return flags.filter(([name]) => names.includes(name)).map(([, value]) => value);
}

/** "Name: value" → [name, value]; null when there is no colon. */
export function splitHeader(text: string): [string, string] | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}
