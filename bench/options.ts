// Command-line options of `npm run bench`: --rounds N, --duration 5s, --only throughput|tls|rate|pause|connrate|tlsconnrate|servers|journal|ui|sampling|startup|workers.
export const sections = ['throughput', 'tls', 'rate', 'pause', 'connrate', 'tlsconnrate', 'servers', 'journal', 'ui', 'sampling', 'startup', 'workers'] as const;
export type Section = (typeof sections)[number];

export interface BenchOptions {
  rounds: number;
  /** Duration of each throughput and rate-accuracy run, in seconds (the pause test is always 10 s). */
  durationS: number;
  only: Section[];
}

export const usage = `usage: tsx bench/run.ts [--rounds N] [--duration 5s] [--only ${sections.join('|')}]`;

function isSection(text: string): text is Section {
  return (sections as readonly string[]).includes(text);
}

/** "5s", "5", "1500ms", "1m" → seconds. */
export function parseDurationS(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`bad duration "${text}" (e.g. 5s)`);
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  const seconds = unit === 'ms' ? value / 1000 : unit === 'm' ? value * 60 : value;
  if (!(seconds >= 1 && seconds <= 600)) throw new Error(`duration must be between 1s and 10m, got "${text}"`);
  return seconds;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { rounds: 5, durationS: 5, only: [...sections] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--') continue;
    if (value === undefined) throw new Error(`${flag ?? ''} needs a value\n${usage}`);
    if (flag === '--rounds') {
      const rounds = Number(value);
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error(`--rounds must be an integer from 1 to 50, got "${value}"`);
      options.rounds = rounds;
    } else if (flag === '--duration') {
      options.durationS = parseDurationS(value);
    } else if (flag === '--only') {
      const chosen = value.split(',').map((part) => part.trim());
      const bad = chosen.filter((part) => !isSection(part));
      if (bad.length > 0) throw new Error(`--only takes ${sections.join('|')}, got "${value}"`);
      options.only = chosen.filter(isSection);
    } else {
      throw new Error(`unknown option ${flag ?? ''}\n${usage}`);
    }
    i++;
  }
  return options;
}
