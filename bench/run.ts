// `npm run bench` = `tsx bench/run.ts [--rounds N] [--duration 5s] [--only throughput|tls|rate|pause|connrate|tlsconnrate|servers|journal|ui|sampling|startup|workers]`.
// Every load goes to servers on 127.0.0.1 started here (nginx, loadlab serve) and stopped afterwards. The markdown
// report goes to stdout, progress to stderr.
import { cpus } from 'node:os';
import { installInterruptHandlers } from './cleanup.ts';
import { connRateSection } from './connRate.ts';
import { journalListSection } from './journalList.ts';
import { parseOptions, type BenchOptions, type Section } from './options.ts';
import { pauseSection } from './pause.ts';
import { processSamplingSection } from './processSampling.ts';
import { rateAccuracySection } from './rateAccuracy.ts';
import { serversSection } from './servers.ts';
import { startupSection } from './startupSection.ts';
import { throughputSection } from './throughput.ts';
import { tlsConnRateSection } from './tlsConnRate.ts';
import { tlsSection } from './tlsThroughput.ts';
import { uiOverheadSection } from './uiOverhead.ts';
import { workersSection } from './workersSection.ts';
import { errorMessage } from '../common/errorMessage.ts';

type SectionRunner = (options: BenchOptions, log: (line: string) => void) => Promise<string>;

const runners: Record<Section, SectionRunner> = {
  throughput: throughputSection,
  tls: tlsSection,
  rate: rateAccuracySection,
  pause: pauseSection,
  connrate: connRateSection,
  tlsconnrate: tlsConnRateSection,
  servers: serversSection,
  journal: journalListSection,
  ui: uiOverheadSection,
  sampling: processSamplingSection,
  startup: startupSection,
  workers: workersSection,
};

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<number> {
  installInterruptHandlers();
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`);
    return 2;
  }
  const invocation = ['tsx', 'bench/run.ts', ...process.argv.slice(2)].join(' ');
  const header = [
    '# Loadlab benchmark\n',
    `Command: \`${invocation}\` (\`npm run bench\`)  `,
    `Date: ${new Date().toISOString()}  `,
    `Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}  `,
    `Options: ${options.rounds} rounds, ${options.durationS}s per throughput/rate run, sections: ${options.only.join(', ')}\n`,
  ];
  process.stdout.write(`${header.join('\n')}\n`);
  let failed = false;
  const sectionRunners = options.only.map((section): [Section, SectionRunner] => [section, runners[section]]);
  for (const [section, runner] of sectionRunners) {
    try {
      process.stdout.write(`${await runner(options, log)}\n`);
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stdout.write(`## ${section}: FAILED\n\n\`\`\`\n${message}\n\`\`\`\n\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
