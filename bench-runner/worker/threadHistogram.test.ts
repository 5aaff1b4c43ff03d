import { describe, expect, it } from 'vitest';
import { createLatencyHistogram as createCommon, decodeHistogram, encodeHistogram as encodeCommon, recordLatencyUs as recordCommon } from '../../common/histogram.ts';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs } from './threadHistogram.ts';

describe('the load threads’ histogram module', () => {
  it('records and encodes exactly as common/histogram.ts does, so the host adds threads’ histograms as before', () => {
    const thread = createLatencyHistogram();
    const common = createCommon();
    // Below the range, fractional, in range, far above the range (clamped to 1 h).
    for (const latencyUs of [0, 0.4, 1.6, 250, 99_999.5, 7e9]) {
      recordLatencyUs(thread, latencyUs);
      recordCommon(common, latencyUs);
    }
    expect(encodeHistogram(thread)).toBe(encodeCommon(common));
    const decoded = decodeHistogram(encodeHistogram(thread));
    expect(decoded.totalCount).toBe(6);
    expect(decoded.minNonZeroValue).toBe(1);
    expect(decoded.maxValue).toBe(decodeHistogram(encodeCommon(common)).maxValue);
  });
});
