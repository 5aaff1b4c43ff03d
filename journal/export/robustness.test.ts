// Exports meet long and damaged runs: a 24 h run at 1 s (86,400 series points) exports in every
// format (nothing spreads data-sized arrays into function arguments, which overflowed the stack
// past ~41,000 points), and a run whose histogram does not decode is left out by name.
import { describe, expect, it } from 'vitest';
import type { MeasuredRunRecord, SeriesPoint } from '../../common/runRecord.ts';
import { simulatedRecord } from '../../common/testing/simulatedRuns.ts';
import { EXPORT_FORMATS, exportRuns } from './exportRuns.ts';

const SECONDS = 24 * 3600;

function dayLongRecord(): MeasuredRunRecord {
  const base = simulatedRecord({ id: 'day-long', seed: 5 });
  const series: SeriesPoint[] = [];
  for (let second = 1; second <= SECONDS; second++) {
    const p50 = 700 + (second % 97);
    series.push({ tMs: second * 1000, requests: 200, errors: 0, bytes: 20_000, latencyUs: { p50, p90: p50 * 2, p99: second === 50_000 ? 900_000 : p50 * 4, max: p50 * 8 } });
  }
  return { ...base, load: { ...base.load, durationMs: SECONDS * 1000 }, series };
}

describe('export of a 24 h run at 1 s', () => {
  const record = dayLongRecord();
  it.each(EXPORT_FORMATS)('%s', (format) => {
    const { files } = exportRuns([record], format);
    expect(files[0]?.content.length).toBeGreaterThan(0);
  });

  it('keeps the one-second spike in the latency chart', () => {
    const svg = exportRuns([record], 'md').files.find((file) => file.name.endsWith('-latency.svg'));
    expect(svg?.content).toContain('<svg');
  });
});

describe('export of a set with a corrupt run', () => {
  const corrupt = { ...simulatedRecord({ id: 'corrupt-run', seed: 1 }), histograms: { correctedUs: 'HISTFAAAACR4nJNpmSzMwMDAxQABzFCaEUzOmNZg', uncorrectedUs: null } };
  const fine = simulatedRecord({ id: 'fine-run', seed: 2 });

  it.each(EXPORT_FORMATS)('%s: leaves it out, naming it, and exports the rest', (format) => {
    const { files, skipped } = exportRuns([corrupt, fine], format);
    expect(skipped).toEqual([{ id: 'corrupt-run', reason: expect.stringMatching(/^histograms\.correctedUs is not a compressed HdrHistogram/) as unknown }]);
    expect(files.map((file) => file.content).join('')).toContain('fine-run');
    expect(files.map((file) => file.content).join('')).not.toContain('corrupt-run');
  });

  it('only corrupt runs: an error naming them', () => {
    expect(() => exportRuns([corrupt], 'md')).toThrow(/nothing to export: run corrupt-run: histograms\.correctedUs/);
  });
});
