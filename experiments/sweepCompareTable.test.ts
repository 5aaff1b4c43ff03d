// Knees side by side (common/sweepKnees.ts and the terminal table) on synthetic sweeps of two
// built-in models whose capacities, and so knees, are known.
import { describe, expect, it } from 'vitest';
import { sweepKneeRows } from '../common/sweepKnees.ts';
import { formatKneeTable } from './sweepCompareTable.ts';
import { sweepView } from './stepView.ts';
import { sweepFromRecords } from './sweepRecord.ts';
import { syntheticSweep, type SyntheticSweep } from './testing/syntheticSweep.ts';

function viewOf(sweep: SyntheticSweep) {
  const { result, missing } = sweepFromRecords(sweep.experiment, sweep.runs);
  return sweepView(sweep.experiment, result, missing);
}

// Capacity 1000: knee 400 (800 has p99 4.5× the lowest); capacity 150: 200 answers only 150 a
// second (incomplete, a lower bound), so the knee is 100.
const pool = viewOf(syntheticSweep({ capacityPerSec: 1000, ratesPerSec: [100, 200, 400, 800, 1600], idPrefix: 'pool' }));
const single = viewOf(syntheticSweep({ capacityPerSec: 150, ratesPerSec: [50, 100, 200], idPrefix: 'single', server: { kind: 'builtin', model: 'single', settings: { workers: 4 } } }));

describe('sweepKneeRows', () => {
  it('labels each sweep by its model and reads its knee, p99 there and highest throughput', () => {
    const rows = sweepKneeRows([pool, single]);
    expect(rows.map((row) => row.label)).toEqual(['pool-shared ×4', 'single']);
    expect(rows[0]).toMatchObject({ kneePerSec: 400, kneeAchievedPerSec: 400, kneeP99LowerBound: false, highestAchievedPerSec: 1000, steps: 5, incompleteSteps: 1 });
    expect(rows[0]?.kneeP99Us).toBe(pool.steps.find((step) => step.targetPerSec === 400)?.latencyUs.p99);
    expect(rows[1]).toMatchObject({ kneePerSec: 100, highestAchievedPerSec: 150, steps: 3, incompleteSteps: 1 });
  });
});

describe('formatKneeTable', () => {
  it('one aligned row per sweep, figures right-aligned, incomplete steps counted', () => {
    const lines = formatKneeTable(sweepKneeRows([pool, single])).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^sweep +knee \(req\/s\) +p99 at knee +highest \(req\/s\) +steps +id$/);
    expect(lines[1]).toMatch(/^pool-shared ×4 +400 +\d[\d.]*m?s +1,000 +5 \(1 incomplete\) +pool-1-sweep$/);
    expect(lines[2]).toMatch(/^single +100 +\d[\d.]*m?s +150 +3 \(1 incomplete\) +single-1-sweep$/);
    expect(lines).toHaveLength(3);
  });
});
