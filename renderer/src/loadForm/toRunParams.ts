// The form's text fields → the lab's run parameters, with every problem named by its field.
import type { z } from 'zod';
import { runStartParamsSchema } from '../../../common/labApi.ts';
import { parseDurationMs } from '../../../common/units.ts';
import { parseHeaderLines, parseMetric, type LoadDraft } from './draft.ts';

export type RunParams = z.output<typeof runStartParamsSchema>;

export interface FieldProblem {
  field: keyof LoadDraft | null;
  message: string;
}

export type FormResult = { ok: true; params: RunParams } | { ok: false; problems: FieldProblem[] };

export function toRunParams(draft: LoadDraft): FormResult {
  const problems: FieldProblem[] = [];
  const count = (field: keyof LoadDraft, label: string): number => {
    const value = parseMetric(String(draft[field]));
    if (value === null || !Number.isInteger(value) || value < 1) {
      problems.push({ field, message: `${label}: a whole number of at least 1, such as 12 or 1k` });
      return 1;
    }
    return value;
  };
  const positive = (field: keyof LoadDraft, label: string): number => {
    const value = parseMetric(String(draft[field]));
    if (value === null || !(value > 0)) {
      problems.push({ field, message: `${label}: a number above 0, such as 1000 or 2k` });
      return 1;
    }
    return value;
  };
  const duration = (field: 'duration' | 'timeout', label: string): number => {
    const ms = parseDurationMs(draft[field]);
    if (ms === null) {
      problems.push({ field, message: `${label}: a duration such as 30s, 2m or 500ms` });
      return 1000;
    }
    return ms;
  };

  const threads = count('threads', 'Threads');
  const connRateMode = draft.mode === 'conn-rate';
  const connections = connRateMode ? threads : count('connections', 'Connections');
  const durationMs = connRateMode ? 10_000 : duration('duration', 'Duration');
  const ratePerSec = draft.mode === 'rate' ? positive('rate', 'Rate') : null;
  const connRate = connRateMode
    ? { numConns: count('numConns', 'Connections in all'), numCalls: count('numCalls', 'Requests per connection'), spacing: { kind: 'fixed' as const, ratePerSec: positive('connRate', 'Connection rate') } }
    : null;
  const timeoutMs = duration('timeout', 'Timeout');
  const headerLines = parseHeaderLines(draft.headers);
  for (const message of headerLines.problems) problems.push({ field: 'headers', message });
  const target = targetOf(draft, problems);
  const tags = draft.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (problems.length > 0 || target === null) return { ok: false, problems };

  const parsed = runStartParamsSchema.safeParse({
    target,
    mode: draft.mode,
    threads,
    connections,
    durationMs,
    ratePerSec,
    timeoutMs,
    method: draft.method.trim().toUpperCase(),
    headers: headerLines.headers,
    body: draft.body,
    keepAlive: draft.keepAlive,
    // Only an https URL can skip verification; the switch is ignored for the built-in server,
    // whose certificate the lab trusts, and refused for http (below).
    insecure: target.kind === 'url' && draft.insecure,
    connRate,
    ...(draft.title.trim() === '' ? {} : { title: draft.title.trim() }),
    ...(tags.length > 0 ? { tags } : {}),
  });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path[0]), message: `${issue.path.join('.')}: ${issue.message}` })) };
  }
  return { ok: true, params: parsed.data };
}

function targetOf(draft: LoadDraft, problems: FieldProblem[]): RunParams['target'] | null {
  if (draft.targetKind === 'builtin') {
    const path = draft.path.trim() === '' ? '/' : draft.path.trim();
    if (!path.startsWith('/')) {
      problems.push({ field: 'path', message: 'Path: starts with /, such as / or /work?ms=5' });
      return null;
    }
    return { kind: 'builtin', path };
  }
  const url = draft.url.trim();
  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    problems.push({ field: 'url', message: 'URL: an http:// or https:// address, such as http://localhost:7878/' });
    return null;
  }
  if (draft.insecure && !/^https:/i.test(url)) {
    problems.push({ field: 'insecure', message: 'Skip certificate verification: only for https:// URLs' });
    return null;
  }
  return { kind: 'url', url };
}

const FIELDS: Partial<Record<string, keyof LoadDraft>> = {
  threads: 'threads',
  connections: 'connections',
  durationMs: 'duration',
  ratePerSec: 'rate',
  timeoutMs: 'timeout',
  method: 'method',
  headers: 'headers',
  body: 'body',
  tags: 'tags',
  title: 'title',
};

function fieldOf(key: PropertyKey | undefined): keyof LoadDraft | null {
  return typeof key === 'string' ? (FIELDS[key] ?? null) : null;
}
