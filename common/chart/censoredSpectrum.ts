// The percentile spectrum with unanswered requests counted (common/censored.ts): every scheduled
// request with no response enters at its lower bound (end − intended time), so the curve is the
// corrected distribution a reader should see, and each point says whether it is exact or only a
// lower bound. A point is a lower bound when a censored value can move it: the answered values
// alone would put another value at its rank (fewer answered values than its rank lie at or
// below it). Pure: no I/O, no clock.
import { decodeHistogram, percentileRank } from '../histogram.ts';
import { inverseTail, SPECTRUM_TICKS_PER_HALF_DISTANCE, type SpectrumPoint } from './spectrum.ts';

export interface BoundedSpectrumPoint extends SpectrumPoint {
  /** True where the true percentile may be higher (an unanswered request sits at or below its rank). */
  lowerBound: boolean;
}

/**
 * Spectrum of answered + unanswered (both compressed base64 HdrHistograms, µs). With an empty
 * unanswered histogram it is the answered spectrum with every point exact.
 */
export function censoredSpectrumPoints(answeredBase64: string, unansweredBase64: string): BoundedSpectrumPoint[] {
  const answered = decodeHistogram(answeredBase64);
  const combined = decodeHistogram(unansweredBase64);
  try {
    combined.add(answered);
    const points: BoundedSpectrumPoint[] = [];
    const total = combined.totalCount;
    if (total === 0) return points;
    // Answered values at or below the current point's value, walked once (the points rise).
    let answeredIndex = 0;
    let answeredAtOrBelow = 0;
    const iterator = combined.percentileIterator;
    iterator.reset(SPECTRUM_TICKS_PER_HALF_DISTANCE);
    while (iterator.hasNext()) {
      const step = iterator.next();
      const percentile = step.percentileLevelIteratedTo;
      if (percentile >= 100) break;
      const valueUs = step.valueIteratedTo;
      while (answeredIndex < answered.countsArrayLength && answered.highestEquivalentValue(answered.valueFromIndex(answeredIndex)) <= valueUs) {
        answeredAtOrBelow += answered.getCountAtIndex(answeredIndex);
        answeredIndex++;
      }
      const lowerBound = answeredAtOrBelow < percentileRank(percentile, total);
      points.push({ percentile, inverseTail: inverseTail(percentile), valueUs, lowerBound });
    }
    return points;
  } finally {
    answered.destroy();
    combined.destroy();
  }
}
