// Parsing of command-line figures the way wrk reads them ("400", "1k", "2.5M"; "10s", "2m").
import { InvalidArgumentError } from 'commander';
import { parseDurationMs } from '../common/units.ts';

const METRIC_SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 };

/** "1k" → 1000; null when not a number with an optional k/M/G suffix. */
export function parseMetric(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)\s*$/i.exec(text);
  if (!match) return null;
  const factor = METRIC_SUFFIX[(match[2] ?? '').toLowerCase()];
  return factor === undefined ? null : Number(match[1]) * factor;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function metricOption(flag: string, integer: boolean) {
  return (text: string): number => {
    const value = parseMetric(text);
    if (value === null || (integer && !Number.isInteger(value))) {
      throw new InvalidArgumentError(`${flag} expects ${integer ? 'a whole number' : 'a number'} such as 10 or 1k, got "${text}"`);
    }
    return value;
  };
}

export function portOption(flag: string) {
  return (text: string): number => {
    if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) throw new InvalidArgumentError(`${flag} expects a port number from 0 to 65535, got "${text}"`);
    return Number(text);
  };
}

export function durationOption(flag: string) {
  return (text: string): number => {
    const ms = parseDurationMs(text);
    if (ms === null) throw new InvalidArgumentError(`${flag} expects a duration such as 10s, 2m, 1h or 500ms, got "${text}"`);
    return ms;
  };
}

/** "Name: value" → [name, value]. */
export function parseHeader(text: string, flag = '-H'): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new InvalidArgumentError(`${flag} expects "Name: value", got "${text}"`);
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}
