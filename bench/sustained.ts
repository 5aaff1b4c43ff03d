// The highest rung of a rate ladder a tool sustained, round by round.

export interface RungOutcome<Tool extends string> {
  tool: Tool;
  /** 1-based. */
  round: number;
  /** The rung's target rate. */
  target: number;
  sustained: boolean;
}

/**
 * For rounds 1..rounds, the highest target `tool` sustained in that round; 0 for a round in which
 * it sustained none. A higher rung counts even when a lower one failed (a stall can fail one rung).
 */
export function highestSustainedByRound<Tool extends string>(outcomes: ReadonlyArray<RungOutcome<Tool>>, tool: Tool, rounds: number): number[] {
  return Array.from({ length: rounds }, (_, i) =>
    outcomes.filter((o) => o.tool === tool && o.round === i + 1 && o.sustained).reduce((highest, o) => Math.max(highest, o.target), 0),
  );
}
