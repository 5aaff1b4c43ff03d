// Figures as wrk prints them, read back: the inverse of common/format.ts (wrk's units.c).
// Each parser returns null for text it cannot read; "-nan", "nan" and "inf" fields are told
// apart by isNotANumber so the caller can leave them unknown and warn.

const TIME_US: Record<string, number> = { us: 1, ms: 1000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 };
const METRIC: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
const BINARY: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const TIME_RE = new RegExp(`^${NUMBER}(us|ms|s|m|h)$`);
const METRIC_RE = new RegExp(`^${NUMBER}([kMGT]?)$`);
const BYTES_RE = new RegExp(`^${NUMBER}([KMGT]?)B$`);
const PERCENT_RE = new RegExp(`^${NUMBER}%$`);

/** glibc prints NaN as "nan" or "-nan" and infinity as "inf", with or without wrk's unit after. */
export function isNotANumber(text: string): boolean {
  return /^-?(nan|inf)/i.test(text.trim());
}

function scaled(text: string, re: RegExp, table: Record<string, number>): number | null {
  const match = re.exec(text.trim());
  if (!match) return null;
  const factor = table[match[2] ?? ''];
  return factor === undefined ? null : Number(match[1]) * factor;
}

/** "635.91us", "0.89ms", "1.20s", "2.00m" → microseconds. */
export function parseTimeUs(text: string): number | null {
  return scaled(text, TIME_RE, TIME_US);
}

/** "56.20k", "85.97", "1.20M" → a plain number (1000-based, wrk's format_metric). */
export function parseMetric(text: string): number | null {
  return scaled(text, METRIC_RE, METRIC);
}

/** "17.76GB", "110.61KB", "0.00B" → bytes (1024-based, wrk's format_binary). */
export function parseBytes(text: string): number | null {
  return scaled(text, BYTES_RE, BINARY);
}

/** "93.69%" → 93.69. */
export function parsePercent(text: string): number | null {
  const match = PERCENT_RE.exec(text.trim());
  return match ? Number(match[1]) : null;
}
