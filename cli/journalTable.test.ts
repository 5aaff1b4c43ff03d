// The journal list's figures for runs that did not complete: completion flagged, "≥" on
// latencies that unanswered requests bound, "unknown" when nothing answered.
import { describe, expect, it } from 'vitest';
import { runHeaderOf } from '../common/runHeader.ts';
import { sampleMeasuredRecord } from '../common/testing/sampleRecords.ts';
import { formatRunTable } from './journalTable.ts';

const NONE = { count: 0, min: null, mean: null, stdev: null, max: null, p50: null, p75: null, p90: null, p99: null, p999: null, p9999: null, p99999: null, withinStdevPct: null };

describe('journal list: completion and bounded latency', () => {
  it('a complete run: completion 100 %, plain latencies', () => {
    const row = formatRunTable([runHeaderOf(sampleMeasuredRecord)]).split('\n')[1] ?? '';
    expect(row).toMatch(/\s100\.0 %\s+2\.00us\s+5\.00us\s/);
  });

  it('a stalled run: completion flagged, lower bounds marked', () => {
    const stalled = {
      ...sampleMeasuredRecord,
      summary: {
        ...sampleMeasuredRecord.summary,
        requests: 20,
        scheduled: 200,
        completion: 0.1,
        unanswered: { count: 180, failed: 0 },
        latencyWithUnansweredUs: { count: 200, mean: 400_000, p50: 410_000, p75: 630_000, p90: 770_000, p99: 890_000, p999: 900_000, p9999: 900_000, p99999: 900_000, max: 900_000, lowerBounds: ['mean' as const, 'p50' as const, 'p75' as const, 'p90' as const, 'p99' as const, 'p999' as const, 'p9999' as const, 'p99999' as const, 'max' as const] },
      },
    };
    const row = formatRunTable([runHeaderOf(stalled)]).split('\n')[1] ?? '';
    expect(row).toMatch(/\s10\.0 % ⚠\s+≥410\.00ms\s+≥890\.00ms\s/);
  });

  it('no response: latency "unknown", never 0', () => {
    const none = { ...sampleMeasuredRecord, summary: { ...sampleMeasuredRecord.summary, requests: 0, reqPerSec: 0, latencyUs: NONE, uncorrectedLatencyUs: NONE, scheduled: 50, completion: 0, unanswered: { count: 50, failed: 0 } } };
    const row = formatRunTable([runHeaderOf(none)]).split('\n')[1] ?? '';
    expect(row).toMatch(/\s0\.0 % ⚠\s+unknown\s+unknown\s/);
    expect(row).not.toMatch(/\b0(\.00)?us\b/);
  });

  it("a run of a profile's server names the profile and its commit", () => {
    const header = { ...runHeaderOf(sampleMeasuredRecord), serverModel: null, serverProfile: 'nginx-2', build: { commit: 'a1b2c3d4e5f6', branch: 'main', dirty: true } };
    expect(formatRunTable([header]).split('\n')[1]).toContain('profile:nginx-2@a1b2c3d+dirty');
    expect(formatRunTable([{ ...header, build: null }]).split('\n')[1]).toMatch(/profile:nginx-2\s/);
  });
});
