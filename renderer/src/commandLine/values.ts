// Reading option values into the form's text fields, with a problem named after the option.
import { parseDurationMs } from '../../../common/units.ts';
import { formatDurationText, parseMetric } from '../loadForm/draft.ts';

export type ValueResult = { ok: true; text: string; value: number } | { ok: false; problem: string };

/** A whole number ≥ 1 ("400", "1k"), normalised ("1000"). */
export function countValue(name: string, text: string): ValueResult {
  const value = parseMetric(text);
  if (value === null || !Number.isInteger(value) || value < 1) return { ok: false, problem: `${name} expects a whole number such as 12 or 1k, got "${text}"` };
  return { ok: true, text: String(value), value };
}

/** A positive number ("1000", "2.5k", "0.5"). */
export function rateValue(name: string, text: string): ValueResult {
  const value = parseMetric(text);
  if (value === null || !(value > 0)) return { ok: false, problem: `${name} expects a number above 0 such as 1000 or 2k, got "${text}"` };
  return { ok: true, text: String(value), value };
}

/** A wrk duration ("30s", "2m", "500ms"; a bare number is seconds), normalised ("30s"). */
export function durationValue(name: string, text: string): ValueResult {
  const ms = parseDurationMs(text);
  if (ms === null) return { ok: false, problem: `${name} expects a duration such as 30s, 2m or 500ms, got "${text}"` };
  return { ok: true, text: formatDurationText(ms), value: ms };
}

/** httperf's seconds ("5", "0.5"), as a wrk-style duration text. */
export function secondsValue(name: string, text: string): ValueResult {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) return { ok: false, problem: `${name} expects seconds such as 5 or 0.5, got "${text}"` };
  const ms = Math.round(seconds * 1000);
  return { ok: true, text: formatDurationText(ms), value: ms };
}

/** "Name: value" → the pair; httperf's trailing "\n" (typed as backslash-n) is dropped. */
export function headerValue(name: string, text: string): { ok: true; header: [string, string] } | { ok: false; problem: string } {
  const cleaned = text.replace(/(\\r)?\\n$/, '').replace(/\r?\n$/, '');
  const colon = cleaned.indexOf(':');
  if (colon <= 0) return { ok: false, problem: `${name} expects "Name: value", got "${text}"` };
  return { ok: true, header: [cleaned.slice(0, colon).trim(), cleaned.slice(colon + 1).trim()] };
}

/** Applies a value that parsed, or adds its problem to `problems`. */
export function valueTaker(problems: string[]): (result: ValueResult, apply: (text: string, value: number) => void) => void {
  return (result, apply) => {
    if (result.ok) apply(result.text, result.value);
    else problems.push(result.problem);
  };
}
