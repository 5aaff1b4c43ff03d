// Reads getopt-style options from words: "-t12", "-t 12", "--threads=12", "--threads 12",
// flags without values, and positional arguments. What each option means is up to the caller.

export interface OptionSpec<K extends string> {
  key: K;
  /** Names as typed: "-t", "--threads". */
  names: readonly string[];
  takesValue: boolean;
}

export interface ScannedOption<K extends string> {
  key: K;
  /** The name as it was written, for messages. */
  name: string;
  /** null for a flag. */
  value: string | null;
}

export interface Scan<K extends string> {
  options: ScannedOption<K>[];
  positionals: string[];
  problems: string[];
}

export function scanOptions<K extends string>(words: readonly string[], specs: readonly OptionSpec<K>[], program: string): Scan<K> {
  const byName = new Map<string, OptionSpec<K>>();
  for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
  const options: ScannedOption<K>[] = [];
  const positionals: string[] = [];
  const problems: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (word === '--') {
      positionals.push(...words.slice(index + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const { spec, name, attached } = lookup(word, byName);
    if (spec === undefined) {
      problems.push(`${program}: unknown option ${word.split('=')[0] ?? word}`);
      continue;
    }
    if (!spec.takesValue) {
      if (attached !== null) problems.push(`${program}: ${name} takes no value`);
      options.push({ key: spec.key, name, value: null });
      continue;
    }
    if (attached !== null) {
      options.push({ key: spec.key, name, value: attached });
      continue;
    }
    const next = words[index + 1];
    if (next === undefined) {
      problems.push(`${program}: ${name} needs a value`);
      continue;
    }
    options.push({ key: spec.key, name, value: next });
    index++;
  }
  return { options, positionals, problems };
}

function lookup<K extends string>(word: string, byName: Map<string, OptionSpec<K>>): { spec: OptionSpec<K> | undefined; name: string; attached: string | null } {
  if (word.startsWith('--')) {
    const equals = word.indexOf('=');
    const name = equals === -1 ? word : word.slice(0, equals);
    return { spec: byName.get(name), name, attached: equals === -1 ? null : word.slice(equals + 1) };
  }
  const exact = byName.get(word);
  if (exact !== undefined) return { spec: exact, name: word, attached: null };
  // A short option with its value attached: "-t12", "-d30s", "-R1000".
  const name = word.slice(0, 2);
  const spec = byName.get(name);
  return { spec, name, attached: spec?.takesValue === true ? word.slice(2) : word.length > 2 ? word.slice(2) : null };
}
