// Per-interval error counts when one worker message completes several intervals.
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram } from '../common/histogram.ts';
import { emptyErrorCounts } from '../common/errorCounts.ts';
import type { ErrorCounts } from '../common/runRecord.ts';
import { LiveTotals, RunAggregator } from './aggregator.ts';
import type { SnapshotMessage } from './messages.ts';

const EMPTY = encodeHistogram(createLatencyHistogram());
const START_MS = 1_000_000;

function snapshot(seq: number, requests: number, errors: Partial<ErrorCounts>, final = false): SnapshotMessage {
  return {
    type: 'snapshot',
    seq,
    endEpochMs: START_MS + (seq + 1) * 1000,
    counts: { requests, bytes: 0, errors: { ...emptyErrorCounts(), ...errors }, statusCounts: {}, serverCloses: 0, connects: 0, failed: 0 },
    correctedUs: EMPTY,
    uncorrectedUs: null,
    unansweredUs: EMPTY,
    rateSamples: [],
    gauges: null,
    final: final ? { inFlightAtEnd: 0, unsent: 0 } : null,
    connRate: null,
    tls: null,
  };
}

describe('RunAggregator: errors per interval', () => {
  // Worker B stops after its first interval; worker A reports three. A's last (final) message
  // completes intervals 1 and 2 at once: each must keep its own errors.
  it('gives each interval its own errors by kind when one message completes several', () => {
    const aggregate = new RunAggregator(2, START_MS, true);
    expect(aggregate.add(snapshot(0, 5, { read: 4 }, true))).toEqual([]);
    const first = aggregate.add(snapshot(0, 10, { connect: 1 }));
    expect(first.map((point) => point.errorsByKind)).toEqual([{ ...emptyErrorCounts(), connect: 1, read: 4 }]);
    expect(aggregate.add(snapshot(1, 10, { timeout: 2 }))).toEqual([]);
    const batch = aggregate.add(snapshot(2, 10, { read: 3, status: 1 }, true));
    expect(batch.map((point) => [point.errors, point.errorsByKind])).toEqual([
      [2, { ...emptyErrorCounts(), timeout: 2 }],
      [4, { ...emptyErrorCounts(), read: 3, status: 1 }],
    ]);

    // The live samples of that batch carry the totals up to their own point, not the batch's.
    const totals = new LiveTotals();
    expect(totals.add(first[0] ?? fail()).errors).toEqual({ ...emptyErrorCounts(), connect: 1, read: 4 });
    const [one, two] = batch.map((point) => totals.add(point));
    expect(one).toEqual({ requests: 25, errors: { ...emptyErrorCounts(), connect: 1, read: 4, timeout: 2 }, completion: null });
    expect(two).toEqual({ requests: 35, errors: { ...emptyErrorCounts(), connect: 1, read: 7, timeout: 2, status: 1 }, completion: null });
    expect(aggregate.errors).toEqual(two?.errors);
  });
});

function fail(): never {
  throw new Error('expected a point');
}

describe('LiveTotals: completion so far', () => {
  it('is answered / (due − in flight): awaited requests are not judged yet, unsent and given-up ones count against', () => {
    const totals = new LiveTotals();
    const point = { tMs: 1000, requests: 45, errors: 0, bytes: 0, latencyUs: null };
    expect(totals.add(point, { due: 100, inFlight: 10 }).completion).toBe(0.5);
    expect(new LiveTotals().add(point, null).completion).toBeNull();
    expect(new LiveTotals().add({ ...point, requests: 0 }, { due: 4, inFlight: 4 }).completion).toBeNull();
  });

  it('the aggregator hands each completed point the gauges summed over every worker', () => {
    const aggregate = new RunAggregator(2, START_MS, true);
    aggregate.add({ ...snapshot(0, 10, {}), gauges: { due: 20, inFlight: 2 } });
    const [point] = aggregate.add({ ...snapshot(0, 8, {}), gauges: { due: 20, inFlight: 3 } });
    expect(aggregate.gaugesOf(point ?? fail())).toEqual({ due: 40, inFlight: 5 });
  });
});
