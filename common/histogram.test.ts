import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram, readSum, recordLatencyUs } from './histogram.ts';

function encoded(valuesUs: readonly number[]): string {
  const histogram = createLatencyHistogram();
  for (const valueUs of valuesUs) recordLatencyUs(histogram, valueUs);
  const base64 = encodeHistogram(histogram);
  histogram.destroy();
  return base64;
}

describe('readSum', () => {
  it('reads the encoded histograms added into one', () => {
    const countAndMaxUs = readSum([encoded([100, 200]), encoded([5000])], (sum) => [sum.totalCount, sum.maxValue]);
    expect(countAndMaxUs[0]).toBe(3);
    // 3 significant digits: 5000 µs is kept within 0.1 %.
    expect(countAndMaxUs[1]).toBeGreaterThanOrEqual(5000);
    expect(countAndMaxUs[1]).toBeLessThanOrEqual(5005);
  });

  it('reads an empty sum when given none', () => {
    expect(readSum([], (sum) => sum.totalCount)).toBe(0);
  });
});
