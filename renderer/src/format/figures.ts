// Figures as the UI shows them: units always, "unknown" for a null (never 0), tabular-friendly.
import { formatLatencyUs } from '../../../common/chart/axis.ts';
import { formatCompletion, type BoundedValue } from '../../../common/censored.ts';

export const UNKNOWN = 'unknown';

export function latency(us: number | null | undefined): string {
  return us == null ? UNKNOWN : formatLatencyUs(us);
}

/** A latency that unanswered requests may bound from below: "≥ 1.98 s"; "unknown" for null. */
export function boundedLatency(value: BoundedValue): string {
  return value.valueUs === null ? UNKNOWN : `${value.lowerBound ? '≥ ' : ''}${formatLatencyUs(value.valueUs)}`;
}

/** Answered / scheduled: "99.5 %", "10.0 % ⚠" below 99 %, "unknown" for null. */
export function completion(ratio: number | null | undefined): string {
  return formatCompletion(ratio ?? null);
}

/** 12345.6 → "12,346"; small rates keep a decimal: 9.87 → "9.9". */
export function rate(perSec: number | null | undefined): string {
  if (perSec == null) return UNKNOWN;
  return perSec >= 100 ? Math.round(perSec).toLocaleString('en-US') : perSec.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export function count(n: number | null | undefined): string {
  return n == null ? UNKNOWN : n.toLocaleString('en-US');
}

export function bytes(n: number | null | undefined): string {
  if (n == null) return UNKNOWN;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Whole bytes need no decimals; a rate below 10 B/s keeps one (622.0006542406229 → "622 B").
  const shown = unit === 0 ? (value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)) : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
  return `${shown} ${units[unit]}`;
}

/** Milliseconds as "850 ms", "30 s", "2 min 5 s", "1 h 2 min". */
export function duration(ms: number | null | undefined): string {
  if (ms == null) return UNKNOWN;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${Number(seconds.toFixed(seconds < 10 ? 2 : 1))} s`;
  const totalS = Math.round(seconds);
  const hours = Math.floor(totalS / 3600);
  const minutes = Math.floor((totalS % 3600) / 60);
  const rest = totalS % 60;
  if (hours > 0) return `${hours} h${minutes > 0 ? ` ${minutes} min` : ''}`;
  return `${minutes} min${rest > 0 ? ` ${rest} s` : ''}`;
}

/** 0.97 → "97%", 0.012 → "1.2%"; never rounds a shortfall up to "100%" (0.9996 → "99.96%"). */
export function percent(ratio: number | null | undefined): string {
  if (ratio == null) return UNKNOWN;
  const whole = (ratio * 100).toFixed(ratio < 0.1 ? 1 : 0);
  if (ratio < 1 && Number(whole) >= 100) return `${Math.min(99.99, Math.floor(ratio * 10_000) / 100)}%`;
  return `${whole}%`;
}

/** An ISO time as "2026-11-27 12:00:05" in local time; "unknown" for null. */
export function dateTime(iso: string | null | undefined): string {
  if (iso == null) return UNKNOWN;
  // A journal entry dated by day only (imports of "## 2024-10-14"): the day, no invented time.
  const day = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.000)?Z)?$/.exec(iso);
  if (day) return day[1] ?? iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function yesNo(value: boolean | null | undefined): string {
  return value == null ? UNKNOWN : value ? 'yes' : 'no';
}
