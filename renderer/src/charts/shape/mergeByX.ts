// Lines with their own x values merged into rows for one chart: a row per distinct x, each line's
// value under its key (null where that line has no point). Compare views draw them with
// connectNulls, so a run's line is not broken by another run's extra x values.
export interface KeyedLine {
  key: string;
  points: readonly { x: number; y: number | null }[];
}

export type MergedRow = { x: number } & Record<string, number | null>;

export function mergeByX(lines: readonly KeyedLine[]): MergedRow[] {
  const rows = new Map<number, MergedRow>();
  for (const line of lines) {
    for (const point of line.points) {
      let row = rows.get(point.x);
      if (row === undefined) {
        row = { x: point.x } as MergedRow;
        for (const other of lines) row[other.key] = null;
        rows.set(point.x, row);
      }
      row[line.key] = point.y;
    }
  }
  return [...rows.values()].sort((a, b) => a.x - b.x);
}
