import { describe, expect, it } from 'vitest';
import { splitLines } from './sourceLines.ts';
import { testdataLines, warningsSink } from './testdataFiles.ts';
import { readLatencyBlock, rebuildHistogram } from './wrkSpectrum.ts';

function blockOf(name: string, header: RegExp): ReturnType<typeof readLatencyBlock> {
  const lines = testdataLines(name);
  const from = lines.findIndex((line) => header.test(line.text));
  return readLatencyBlock(lines, from, lines.length - 1, warningsSink().diagnostics);
}

describe('wrk2 latency blocks', () => {
  it('reads the fixed percentiles, the spectrum and its summary lines', () => {
    const { block } = blockOf('wrk2-readme-latency.txt', /Recorded Latency/);
    expect([...block.printedUs.keys()]).toEqual([50, 75, 90, 99, 99.9, 99.99, 99.999, 100]);
    expect(block.printedUs.get(99.9)).toBe(12_300);
    expect(block.spectrum[0]).toEqual({ valueUs: 921, fraction: 0, totalCount: 1 });
    expect(block.spectrum).toHaveLength(79);
    expect(block).toMatchObject({ uncorrected: false, meanUs: 6602, stdevUs: 1919, maxUs: 12_496, totalCount: 39_500 });
  });

  it('ends at the dashed line and leaves "-nan" summary figures unknown', () => {
    const lines = splitLines('Latency Distribution (HdrHistogram - Recorded Latency)\n 50.000%    0.00us\n\n  Detailed Percentile spectrum:\n       Value   Percentile   TotalCount 1/(1-Percentile)\n\n       0.000     1.000000            0          inf\n#[Mean    =         -nan, StdDeviation   =         -nan]\n#[Max     =        0.000, Total count    =            0]\n#[Buckets =           27, SubBuckets     =         2048]\n----------------------------------------------------------\n  0 requests in 1.00s, 0.00B read\n');
    const { warnings, diagnostics } = warningsSink();
    const { block, next } = readLatencyBlock(lines, 0, lines.length - 1, diagnostics);
    expect(next).toBe(11);
    expect(block).toMatchObject({ meanUs: null, stdevUs: null, maxUs: 0, totalCount: 0 });
    expect(warnings).toHaveLength(1);
  });

  it('rebuilds a histogram with the spectrum\'s counts at its values', () => {
    const { block } = blockOf('wrk2-readme-latency.txt', /Recorded Latency/);
    const histogram = rebuildHistogram(block.spectrum);
    expect(histogram.totalCount).toBe(39_500);
    expect(histogram.minNonZeroValue).toBe(921);
    expect(histogram.maxValue).toBe(12_503);
    // Each row's value is where its count is: the percentile at a row's level is that row's value.
    expect(histogram.getValueAtPercentile(50)).toBe(6671);
    expect(histogram.getValueAtPercentile(90)).toBe(9143);
    histogram.destroy();
  });

  it('rebuilds the uncorrected block separately', () => {
    const { block } = blockOf('wrk2-readme-u-latency.txt', /Uncorrected Latency/);
    const histogram = rebuildHistogram(block.spectrum);
    expect(block.uncorrected).toBe(true);
    expect(histogram.totalCount).toBe(39_500);
    expect(histogram.getValueAtPercentile(50)).toBe(2679);
    histogram.destroy();
  });
});
