import { describe, expect, it } from 'vitest';
import { defaultDraft, type LoadDraft } from './draft.ts';
import { toRunParams, type FormResult } from './toRunParams.ts';

const draft = (changes: Partial<LoadDraft>): LoadDraft => ({ ...defaultDraft, ...changes });

function fields(result: FormResult): (string | null)[] {
  return result.ok ? [] : result.problems.map((problem) => problem.field);
}

describe('toRunParams', () => {
  it('the default form is a valid rate-mode run against the built-in server', () => {
    const result = toRunParams(defaultDraft);
    expect(result).toEqual({
      ok: true,
      params: {
        target: { kind: 'builtin', path: '/' },
        mode: 'rate',
        threads: 2,
        connections: 10,
        durationMs: 10_000,
        ratePerSec: 1000,
        timeoutMs: 2000,
        method: 'GET',
        headers: [],
        body: '',
        keepAlive: true,
        insecure: false,
        connRate: null,
      },
    });
  });

  it('max mode has no rate; connection-rate mode has connRate and connections = threads', () => {
    const max = toRunParams(draft({ mode: 'max', rate: 'garbage' }));
    expect(max.ok && max.params.ratePerSec).toBeNull();
    const conn = toRunParams(draft({ mode: 'conn-rate', threads: '2', connections: 'x', duration: 'x', connRate: '10', numConns: '1k', numCalls: '3' }));
    expect(conn.ok && conn.params.connRate).toEqual({ numConns: 1000, numCalls: 3, spacing: { kind: 'fixed', ratePerSec: 10 } });
    expect(conn.ok && conn.params.connections).toBe(2);
  });

  it('reads metric suffixes, durations, headers, title and tags', () => {
    const result = toRunParams(draft({ connections: '1k', duration: '2m', timeout: '500ms', headers: 'A: b\n\nC: d: e', method: 'post', title: ' t ', tags: 'a, b,,' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.params).toMatchObject({ connections: 1000, durationMs: 120_000, timeoutMs: 500, headers: [['A', 'b'], ['C', 'd: e']], method: 'POST', title: 't', tags: ['a', 'b'] });
  });

  it('a URL target', () => {
    const result = toRunParams(draft({ targetKind: 'url', url: ' http://localhost:7878/ ' }));
    expect(result.ok && result.params.target).toEqual({ kind: 'url', url: 'http://localhost:7878/' });
  });

  it('an https URL target', () => {
    const result = toRunParams(draft({ targetKind: 'url', url: 'https://localhost:8443/' }));
    expect(result.ok && result.params.target).toEqual({ kind: 'url', url: 'https://localhost:8443/' });
  });

  it.each([
    ['threads', { threads: '0' }],
    ['connections', { connections: 'many' }],
    ['duration', { duration: '-1s' }],
    ['rate', { rate: '0' }],
    ['timeout', { timeout: '' }],
    ['headers', { headers: 'no colon here' }],
    ['path', { path: 'x' }],
    ['url', { targetKind: 'url' as const, url: 'localhost:7878' }],
    ['url', { targetKind: 'url' as const, url: 'ftp://h/' }],
    ['method', { method: 'GE T' }],
    ['numConns', { mode: 'conn-rate' as const, numConns: '0' }],
  ])('names the field: %s', (field, changes) => {
    expect(fields(toRunParams(draft(changes)))).toContain(field);
  });

  it('the contract’s limits apply too (threads ≤ 256)', () => {
    expect(fields(toRunParams(draft({ threads: '1000', connections: '1000' })))).toContain('threads');
  });

  it('https URLs run, verified unless the form skips verification; skipping is for https only', () => {
    expect(toRunParams(draft({ targetKind: 'url', url: 'https://localhost:8443/' }))).toMatchObject({ ok: true, params: { target: { kind: 'url', url: 'https://localhost:8443/' }, insecure: false } });
    expect(toRunParams(draft({ targetKind: 'url', url: 'https://localhost:8443/', insecure: true }))).toMatchObject({ ok: true, params: { insecure: true } });
    expect(fields(toRunParams(draft({ targetKind: 'url', url: 'http://localhost:8080/', insecure: true })))).toEqual(['insecure']);
    // The built-in server's certificate is trusted by the lab; the switch does not apply to it.
    expect(toRunParams(draft({ targetKind: 'builtin', insecure: true }))).toMatchObject({ ok: true, params: { insecure: false } });
  });
});
