import { describe, expect, it } from 'vitest';
import { describeServerExit, formatReadySpec, parseReadySpec, profileNameSchema, readyPort } from './serverProfile.ts';

describe('parseReadySpec', () => {
  it.each([
    ['tcp:8000', { kind: 'tcp', host: '127.0.0.1', port: 8000 }],
    ['tcp:localhost:81', { kind: 'tcp', host: 'localhost', port: 81 }],
    ['http://127.0.0.1:7878/', { kind: 'http', url: 'http://127.0.0.1:7878/' }],
    ['log:/listening on \\d+/i', { kind: 'log', pattern: 'listening on \\d+', flags: 'i' }],
  ])('%s', (text, spec) => {
    expect(parseReadySpec(text)).toEqual(spec);
    expect(formatReadySpec(parseReadySpec(text) as never)).toBe(text);
  });

  it.each([
    ['tcp:0', /1-65535/],
    ['tcp:70000', /1-65535/],
    ['log:/(/', /Invalid regular expression|Unterminated/],
    ['http://', /not a valid URL/],
    ['8000', /expected tcp:PORT/],
  ])('refuses %s', (text, reason) => {
    expect(parseReadySpec(text)).toMatch(reason);
  });
});

describe('readyPort', () => {
  it('is the port a ready check names, else null', () => {
    expect(readyPort({ kind: 'tcp', host: '127.0.0.1', port: 9 })).toBe(9);
    expect(readyPort({ kind: 'http', url: 'http://127.0.0.1:7878/x' })).toBe(7878);
    expect(readyPort({ kind: 'http', url: 'http://example.test/' })).toBe(80);
    expect(readyPort({ kind: 'log', pattern: 'x', flags: '' })).toBeNull();
    expect(readyPort(null)).toBeNull();
  });
});

it('profile names are file-safe', () => {
  expect(profileNameSchema.safeParse('rust-pool_2.1').success).toBe(true);
  for (const bad of ['', '.hidden', '-x', 'a/b', '..', 'x'.repeat(65)]) expect(profileNameSchema.safeParse(bad).success).toBe(false);
});

it('describes an exit during a run', () => {
  expect(describeServerExit({ code: 3, signal: null, atRunMs: 4200 })).toBe('server exited with code 3 at t = 4.2 s');
  expect(describeServerExit({ code: null, signal: 'SIGSEGV', atRunMs: 500 })).toBe('server exited on signal SIGSEGV at t = 0.5 s');
});
