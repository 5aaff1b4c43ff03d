// A spectrum with unanswered requests counted, split for drawing: the exact part as the run's
// usual line, and from the first point an unanswered request can move onwards a second, dashed
// line of lower bounds ("≥"). The bound line starts at the last exact point, so the curve stays
// joined. Marking everything after the first bound is conservative: a later point that happens
// to be exact is drawn as a bound, never the other way round.
import type { BoundedSpectrumPoint } from './censoredSpectrum.ts';
import type { SpectrumPoint } from './spectrum.ts';

export interface SplitSpectrum {
  exact: SpectrumPoint[];
  /** Empty when no point is a lower bound. */
  bound: SpectrumPoint[];
}

export function splitLowerBounds(points: readonly BoundedSpectrumPoint[]): SplitSpectrum {
  const first = points.findIndex((point) => point.lowerBound);
  const plain = ({ percentile, inverseTail, valueUs }: BoundedSpectrumPoint): SpectrumPoint => ({ percentile, inverseTail, valueUs });
  if (first === -1) return { exact: points.map(plain), bound: [] };
  return { exact: points.slice(0, first).map(plain), bound: points.slice(Math.max(0, first - 1)).map(plain) };
}
