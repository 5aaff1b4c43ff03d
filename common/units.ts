// Units: parsing wrk-style durations and formatting figures the way wrk prints them.

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a wrk duration ("10s", "2m", "1h", "500ms"; a bare number is seconds) into milliseconds.
 * Returns null for anything else, including zero or negative values.
 */
export function parseDurationMs(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = (match[2] ?? 's').toLowerCase();
  const factor = DURATION_UNITS_MS[unit];
  if (factor === undefined) return null;
  const ms = Math.round(value * factor);
  return ms > 0 ? ms : null;
}
