// Journal listing at scale: thousands of realistic run records (a 60-point series and a
// histogram of 10,000 latencies each), listed cold (no index: every file read and validated),
// warm (the index answers for unchanged files) and after one file changed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../bench-runner/connPacer.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from '../common/histogram.ts';
import type { MeasuredRunRecord } from '../common/runRecord.ts';
import { sampleRecordWith } from '../common/testing/sampleRecords.ts';
import { openJournal } from '../journal/store/journal.ts';
import { table } from './markdown.ts';
import type { BenchOptions } from './options.ts';

const RUNS = 5000;

function realisticRecord(index: number, histogram: string): MeasuredRunRecord {
  const series = Array.from({ length: 60 }, (_, second) => ({
    tMs: (second + 1) * 1000,
    requests: 1000,
    errors: 0,
    bytes: 120_000,
    latencyUs: { p50: 900, p90: 1500, p99: 4000, max: 9000 },
  }));
  const startedAt = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  return sampleRecordWith(`bench-${String(index).padStart(5, '0')}`, startedAt, { series, histograms: { correctedUs: histogram, uncorrectedUs: histogram }, notes: 'pool of 4 workers, keep-alive on' });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function journalListSection(options: BenchOptions, log: (line: string) => void): Promise<string> {
  const random = seededRandom(7);
  const histogram = createLatencyHistogram();
  for (let index = 0; index < 10_000; index += 1) recordLatencyUs(histogram, 200 + random() * random() * 50_000);
  const encoded = encodeHistogram(histogram);
  const dir = await mkdtemp(join(tmpdir(), 'loadlab-bench-journal-'));
  try {
    const journal = await openJournal(dir);
    log(`journal: writing ${RUNS} runs`);
    const writeStart = performance.now();
    for (let index = 0; index < RUNS; index += 1) await journal.put(realisticRecord(index, encoded));
    const writeMs = performance.now() - writeStart;
    const cold: number[] = [];
    const warm: number[] = [];
    const oneChanged: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      await rm(join(dir, 'index.json'), { force: true });
      let start = performance.now();
      const listed = await journal.list();
      cold.push(performance.now() - start);
      if (listed.runs.length !== RUNS || listed.problems.length > 0) throw new Error(`listed ${listed.runs.length} runs, ${listed.problems.length} problems`);
      start = performance.now();
      await journal.list();
      warm.push(performance.now() - start);
      await journal.update(`bench-${String(round).padStart(5, '0')}`, { notes: `round ${round}` });
      start = performance.now();
      await journal.list();
      oneChanged.push(performance.now() - start);
      log(`journal: round ${round + 1}: cold ${cold.at(-1)?.toFixed(0)} ms, warm ${warm.at(-1)?.toFixed(0)} ms`);
    }
    const rows = [
      ['list, no index (every file read and validated)', `${median(cold).toFixed(0)} ms`],
      ['list, index fresh', `${median(warm).toFixed(0)} ms`],
      ['list, one run edited since', `${median(oneChanged).toFixed(0)} ms`],
      [`put, each (atomic: temp, fsync, rename, fsync folder)`, `${(writeMs / RUNS).toFixed(2)} ms`],
    ];
    return `## journal\n\n${RUNS} runs of ${(JSON.stringify(realisticRecord(0, encoded)).length / 1024).toFixed(1)} KiB each; medians of ${options.rounds} rounds.\n\n${table(['operation', 'time'], rows)}`;
  } finally {
    histogram.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
