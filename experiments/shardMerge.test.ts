// The merge of shard records: exact sums, the whole schedule's completion, and clear refusals.
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeHistogram, encodeHistogram, recordLatencyUs, summarizeMeasuredLatency } from '../common/histogram.ts';
import { measuredRunRecordSchema, type MeasuredRunRecord, type ShardInfo } from '../common/runRecord.ts';
import { sampleMeasuredRecord } from '../common/testing/sampleRecords.ts';
import { seededRandom } from '../common/random.ts';
import { mergeShardRecords, ShardMergeError } from './shardMerge.ts';

const START_AT_MS = Date.parse('2026-12-07T01:00:00.000Z');
const WHOLE = { connections: 6, ratePerSec: 600 };

function encode(valuesUs: readonly number[]): string {
  const histogram = createLatencyHistogram();
  for (const value of valuesUs) recordLatencyUs(histogram, value);
  const encoded = encodeHistogram(histogram);
  histogram.destroy();
  return encoded;
}

/** A shard's latencies: its own spread, so the shards differ and an average of percentiles would be wrong. */
function latenciesOf(index: number, count: number): number[] {
  const random = seededRandom(17 + index);
  return Array.from({ length: count }, () => Math.round(200 + random() * 1000 * (index + 1) ** 3));
}

interface ShardFacts {
  index: number;
  count?: number;
  latenciesUs?: number[];
  latenessMs?: number;
  errors?: Partial<MeasuredRunRecord['summary']['errors']>;
  unsent?: number;
  overrides?: Partial<MeasuredRunRecord>;
}

function shardRecord({ index, count = 3, latenciesUs = latenciesOf(index, 600), latenessMs = 0, errors = {}, unsent = 0, overrides = {} }: ShardFacts): MeasuredRunRecord {
  const corrected = encode(latenciesUs);
  const decoded = decodeHistogram(corrected);
  const latencyUs = summarizeMeasuredLatency(decoded);
  decoded.destroy();
  const requests = latenciesUs.length;
  const shard: ShardInfo = { index, count, startAtMs: START_AT_MS, latenessMs, host: `gen-${index}`, whole: WHOLE };
  const zeroMs = START_AT_MS + latenessMs;
  return {
    ...sampleMeasuredRecord,
    id: `20261207-010000-00000${index}`,
    startedAt: new Date(zeroMs).toISOString(),
    finishedAt: new Date(zeroMs + 3000).toISOString(),
    load: { ...sampleMeasuredRecord.load, threads: 1, workerThreads: 1, connections: 2, durationMs: 3000, ratePerSec: 200 },
    summary: {
      ...sampleMeasuredRecord.summary,
      requests,
      durationMs: 3000,
      reqPerSec: requests / 3,
      bytesRead: requests * 150,
      transferPerSec: requests * 50,
      latencyUs,
      uncorrectedLatencyUs: latencyUs,
      errors: { connect: 0, read: 0, write: 0, timeout: 0, status: 0, ...errors },
      statusCounts: { '200': requests },
      unsent,
      threadReqPerSec: { mean: requests / 3, stdev: 2, max: requests / 3 + 3, withinStdevPct: 70, samples: 30 },
      scheduled: requests + unsent,
      completion: requests / (requests + unsent),
      unanswered: { count: unsent, failed: 0 },
      drained: 0,
      connects: 2,
    },
    histograms: { correctedUs: corrected, uncorrectedUs: encode(latenciesUs.map((value) => Math.max(1, value - 100))), unansweredUs: encode([]) },
    series: [1000, 2000, 3000].map((tMs) => ({ tMs, requests: requests / 3, errors: 0, bytes: (requests / 3) * 150, latencyUs: { p50: 1, p90: 2, p99: 3, max: 4 } })),
    shard,
    ...overrides,
  };
}

const three = (): MeasuredRunRecord[] => [0, 1, 2].map((index) => shardRecord({ index }));

describe('mergeShardRecords', () => {
  it('sums the histograms exactly: every percentile is that of all values, not an average of percentiles', () => {
    const shards = three();
    const merged = mergeShardRecords(shards, { partial: false });
    const all = [0, 1, 2].flatMap((index) => latenciesOf(index, 600));
    const single = decodeHistogram(encode(all));
    const mergedHistogram = decodeHistogram(merged.histograms.correctedUs ?? '');
    expect(mergedHistogram.totalCount).toBe(1800);
    for (const percentile of [50, 90, 99, 99.9, 100]) {
      expect(mergedHistogram.getValueAtPercentile(percentile)).toBe(single.getValueAtPercentile(percentile));
    }
    expect(merged.summary.latencyUs).toEqual(summarizeMeasuredLatency(single));
    // The shards' spreads differ by 27×: the mean of their p99s is far from the p99 of all values.
    const meanOfP99s = shards.reduce((sum, record) => sum + (record.summary.latencyUs.p99 ?? 0), 0) / 3;
    expect(Math.abs(meanOfP99s - (merged.summary.latencyUs.p99 ?? 0))).toBeGreaterThan(1000);
    expect(decodeHistogram(merged.histograms.uncorrectedUs ?? '').totalCount).toBe(1800);
    single.destroy();
    mergedHistogram.destroy();
  });

  it('sums counts and errors, and takes completion over the whole schedule', () => {
    const shards = [shardRecord({ index: 0, errors: { timeout: 2 } }), shardRecord({ index: 1, unsent: 30 }), shardRecord({ index: 2, errors: { connect: 1, status: 4 } })];
    const merged = mergeShardRecords(shards, { partial: false });
    expect(merged.summary.requests).toBe(1800);
    expect(merged.summary.bytesRead).toBe(1800 * 150);
    expect(merged.summary.errors).toEqual({ connect: 1, read: 0, write: 0, timeout: 2, status: 4 });
    expect(merged.summary.statusCounts).toEqual({ '200': 1800 });
    expect(merged.summary.scheduled).toBe(1830);
    expect(merged.summary.completion).toBeCloseTo(1800 / 1830, 12);
    expect(merged.summary.unanswered).toEqual({ count: 30, failed: 0 });
    expect(merged.summary.connects).toBe(6);
    expect(merged.summary.reqPerSec).toBeCloseTo(600, 9);
    expect(merged.load).toMatchObject({ threads: 3, workerThreads: 3, connections: 6, ratePerSec: 600, durationMs: 3000, mode: 'rate' });
  });

  it('lists the shards with their hosts and start lateness, and is a measured record the reports read', () => {
    const shards = [shardRecord({ index: 2, latenessMs: 4 }), shardRecord({ index: 0 }), shardRecord({ index: 1, latenessMs: 1 })];
    const merged = mergeShardRecords(shards, { partial: false, title: 'three generators' });
    expect(merged.title).toBe('three generators');
    expect(merged.merge).toEqual({
      partial: false,
      count: 3,
      startAtMs: START_AT_MS,
      shards: [
        { index: 0, runId: shards[1]?.id, host: 'gen-0', latenessMs: 0, status: 'merged' },
        { index: 1, runId: shards[2]?.id, host: 'gen-1', latenessMs: 1, status: 'merged' },
        { index: 2, runId: shards[0]?.id, host: 'gen-2', latenessMs: 4, status: 'merged' },
      ],
    });
    expect(merged.shard).toBeUndefined();
    expect(merged.startedAt).toBe(new Date(START_AT_MS).toISOString());
    // The latest shard started 4 ms late: the load spans 3004 ms of wall clock.
    expect(merged.summary.durationMs).toBe(3004);
    expect(measuredRunRecordSchema.safeParse(merged).success).toBe(true);
  });

  it('aligns the series on wall-clock intervals and sums them; percentiles of several shards are unknown', () => {
    const shards = [shardRecord({ index: 0 }), shardRecord({ index: 1, latenessMs: 300 }), shardRecord({ index: 2, latenessMs: 20 })];
    const merged = mergeShardRecords(shards, { partial: false });
    expect(merged.series.map((point) => point.tMs)).toEqual([1000, 2000, 3000]);
    expect(merged.series.map((point) => point.requests)).toEqual([600, 600, 600]);
    expect(merged.series.map((point) => point.bytes)).toEqual([90_000, 90_000, 90_000]);
    expect(merged.series.every((point) => point.latencyUs === null)).toBe(true);
  });

  it('keeps the env when every generator has the same, else describes them together', () => {
    expect(mergeShardRecords(three(), { partial: false }).env).toEqual(sampleMeasuredRecord.env);
    const other = shardRecord({ index: 2, overrides: { env: { cpuModel: 'y', cores: 4, os: 'linux', node: 'v20', electron: null, app: '0.1.0' } } });
    const merged = mergeShardRecords([shardRecord({ index: 0 }), shardRecord({ index: 1 }), other], { partial: false });
    expect(merged.env).toEqual({ cpuModel: 'x | y', cores: 8, os: 'linux', node: 'v20', electron: null, app: '0.1.0' });
  });

  it('adds the TLS figures: handshakes, protocols and errors summed, handshake times from the summed histogram', () => {
    const withTls = (index: number, handshakesUs: number[], certificateErrors: number): MeasuredRunRecord => {
      const record = shardRecord({ index });
      return {
        ...record,
        summary: {
          ...record.summary,
          tls: {
            handshakes: handshakesUs.length,
            resumed: 1,
            handshakeUs: null,
            protocols: { 'TLSv1.3': handshakesUs.length },
            errors: { certificate: certificateErrors, handshake: 0, protocol: 0 },
            errorExamples: { certificate: certificateErrors > 0 ? `bad cert ${index}` : null, handshake: null, protocol: null },
          },
        },
        histograms: { ...record.histograms, tlsHandshakeUs: encode(handshakesUs) },
      };
    };
    const merged = mergeShardRecords([withTls(0, [100, 200], 0), withTls(1, [300], 2), withTls(2, [400, 500, 600], 1)], { partial: false });
    expect(merged.summary.tls).toMatchObject({ handshakes: 6, resumed: 3, protocols: { 'TLSv1.3': 6 }, errors: { certificate: 3, handshake: 0, protocol: 0 } });
    expect(merged.summary.tls?.errorExamples.certificate).toBe('bad cert 1');
    expect(merged.summary.tls?.handshakeUs).toMatchObject({ count: 6, min: 100, max: 600 });
    expect(decodeHistogram(merged.histograms.tlsHandshakeUs ?? '').totalCount).toBe(6);
  });

  describe('connection-rate shards', () => {
    const connRate = { numConns: 9, numCalls: 1, spacing: { kind: 'fixed' as const, ratePerSec: 300 } };
    const phaseUs = (index: number, offset: number): number[] => latenciesOf(index, 3).map((value) => value + offset);
    function connRateShard(index: number, withHistograms = true): MeasuredRunRecord {
      const record = shardRecord({ index, latenciesUs: latenciesOf(index, 3) });
      const phase = (offset: number) => summarizeMeasuredLatency(decodeHistogram(encode(phaseUs(index, offset))));
      const summaryOf = (offset: number) => {
        const summary = phase(offset);
        if (summary.mean === null) throw new Error('values expected');
        return summary;
      };
      return {
        ...record,
        load: { ...record.load, mode: 'conn-rate', connections: 3, ratePerSec: 100, connRate },
        summary: {
          ...record.summary,
          connRate: {
            started: 3,
            completed: 3,
            peakConcurrent: 2,
            maxConnectBurst: index + 1,
            connectUs: summaryOf(0),
            lifetimeUs: summaryOf(3000),
            responseUs: summaryOf(1000),
            transferUs: summaryOf(10),
            requestBytes: 41,
            replyHeaderBytes: 441,
            replyContentBytes: 18,
            bytesSent: 123,
            replyRate: { min: 0, mean: 0, max: 0, stdev: 0, samples: 0 },
            errors: { clientTimeout: index, connRefused: 0, connReset: 0, fdUnavail: 0, addrUnavail: 0, other: 0 },
            cpuUserS: 0.25,
            cpuSystemS: 0.5,
          },
        },
        histograms: {
          ...record.histograms,
          ...(withHistograms ? { connRateUs: { connectUs: encode(phaseUs(index, 0)), lifetimeUs: encode(phaseUs(index, 3000)), responseUs: encode(phaseUs(index, 1000)), transferUs: encode(phaseUs(index, 10)) } } : {}),
        },
        shard: { index, count: 3, startAtMs: START_AT_MS, latenessMs: 0, host: `gen-${index}`, whole: { connections: 9, ratePerSec: 300 } },
      };
    }

    it('adds the phase histograms exactly and sums the counts', () => {
      const merged = mergeShardRecords([0, 1, 2].map((index) => connRateShard(index)), { partial: false });
      const all = (offset: number) => summarizeMeasuredLatency(decodeHistogram(encode([0, 1, 2].flatMap((index) => phaseUs(index, offset)))));
      expect(merged.summary.connRate).toMatchObject({
        started: 9,
        completed: 9,
        peakConcurrent: 6,
        maxConnectBurst: 3,
        requestBytes: 41,
        replyHeaderBytes: 1323,
        bytesSent: 369,
        errors: { clientTimeout: 3 },
        cpuUserS: 0.75,
        connectUs: all(0),
        lifetimeUs: all(3000),
        responseUs: all(1000),
      });
      expect(merged.load).toMatchObject({ mode: 'conn-rate', connections: 9, ratePerSec: 300, connRate });
      expect(decodeHistogram(merged.histograms.connRateUs?.transferUs ?? '').totalCount).toBe(9);
      expect(measuredRunRecordSchema.safeParse(merged).success).toBe(true);
    });

    it('refuses a record without the phase histograms, naming it', () => {
      expect(() => mergeShardRecords([connRateShard(0), connRateShard(1, false), connRateShard(2)], { partial: false })).toThrow(/run 20261207-010000-000001 has no connection-phase histograms/);
    });
  });

  describe('refuses', () => {
    it('a missing shard, naming it', () => {
      expect(() => mergeShardRecords([shardRecord({ index: 0 }), shardRecord({ index: 2 })], { partial: false })).toThrow(
        new ShardMergeError('shard 1/3 is missing: refusing to merge 2 of 3 shards (--partial merges what is there)'),
      );
    });

    it('a failed shard, naming it and its run', () => {
      const failed = shardRecord({ index: 1, overrides: { stoppedEarly: true } });
      expect(() => mergeShardRecords([shardRecord({ index: 0 }), failed, shardRecord({ index: 2 })], { partial: false })).toThrow(/shard 1\/3 failed \(run 20261207-010000-000001 stopped early\)/);
    });

    it.each([
      ['target URL', { target: { ...sampleMeasuredRecord.target, url: 'http://127.0.0.1:9/' } }],
      ['duration', { load: { ...sampleMeasuredRecord.load, threads: 1, connections: 2, durationMs: 4000, ratePerSec: 200 } }],
      ['threads per shard', { load: { ...sampleMeasuredRecord.load, threads: 2, connections: 2, durationMs: 3000, ratePerSec: 200 } }],
      ['mode', { load: { ...sampleMeasuredRecord.load, mode: 'max' as const, threads: 1, connections: 2, durationMs: 3000, ratePerSec: null } }],
      ['shard count', { shard: { index: 2, count: 4, startAtMs: START_AT_MS, latenessMs: 0, host: 'gen-2', whole: WHOLE } }],
      ['total connections', { shard: { index: 2, count: 3, startAtMs: START_AT_MS, latenessMs: 0, host: 'gen-2', whole: { ...WHOLE, connections: 9 } } }],
      ['total rate', { shard: { index: 2, count: 3, startAtMs: START_AT_MS, latenessMs: 0, host: 'gen-2', whole: { ...WHOLE, ratePerSec: 900 } } }],
    ])('records that differ in %s', (field, overrides) => {
      const odd = shardRecord({ index: 2, overrides });
      expect(() => mergeShardRecords([shardRecord({ index: 0 }), shardRecord({ index: 1 }), odd], { partial: false })).toThrow(new RegExp(`shard 2/[34] \\(run \\S+\\) differs in ${field}`));
    });

    it('the same shard twice', () => {
      expect(() => mergeShardRecords([shardRecord({ index: 0 }), shardRecord({ index: 1 }), { ...shardRecord({ index: 1 }), id: 'other' }], { partial: false })).toThrow(
        /shard 1\/3 appears twice: runs 20261207-010000-000001 and other/,
      );
    });

    it('a record that is not a shard, and nothing at all', () => {
      expect(() => mergeShardRecords([sampleMeasuredRecord], { partial: true })).toThrow(/run 20261127-120000-abcdef is not a shard record/);
      expect(() => mergeShardRecords([], { partial: true })).toThrow(ShardMergeError);
    });
  });

  it('merges what is there with partial, marked so, its load the part that ran', () => {
    const failed = shardRecord({ index: 2, latenciesUs: latenciesOf(2, 100), overrides: { stoppedEarly: true } });
    const merged = mergeShardRecords([shardRecord({ index: 0 }), failed], { partial: true });
    expect(merged.merge?.partial).toBe(true);
    expect(merged.merge?.shards.map((shard) => shard.status)).toEqual(['merged', 'missing', 'failed']);
    expect(merged.title).toMatch(/partial/);
    expect(merged.summary.requests).toBe(700);
    expect(merged.load).toMatchObject({ connections: 4, ratePerSec: 400, threads: 2 });
    expect(merged.stoppedEarly).toBe(true);
  });
});
