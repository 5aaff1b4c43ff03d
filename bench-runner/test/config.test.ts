// Bad configurations are the one thing that stops a run before it starts: each is rejected with
// a ConfigError that names the problem.
import { describe, expect, it } from 'vitest';
import { hostLimits, maxThreadsFor } from '../limits.ts';
import { ConfigError, startRun, validateConfig } from '../run.ts';
import { testConfig } from './servers.ts';

const goodUrl = 'http://127.0.0.1:9/';

function rejection(input: unknown): ConfigError {
  try {
    validateConfig(input);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('validateConfig accepted a bad config');
}

describe('validateConfig', () => {
  it('accepts the defaults with an http URL', () => {
    expect(validateConfig(testConfig(goodUrl)).url).toBe(goodUrl);
  });

  it.each([
    ['fewer connections than threads', testConfig(goodUrl, { threads: 4, connections: 2 }), /connections \(2\) must be at least threads \(4\)/],
    ['an ftp:// URL', testConfig('ftp://127.0.0.1/file'), /^url: not an http or https URL: "ftp:\/\/127\.0\.0\.1\/file"/],
    ['a URL that is not one', testConfig('not a url at all'), /^url: not a URL: "not a url at all"/],
    ['a rate of 0', testConfig(goodUrl, { ratePerSec: 0 }), /^ratePerSec: /],
    ['a negative duration', testConfig(goodUrl, { durationMs: -1000 }), /^durationMs: /],
  ])('rejects %s', (_name, input, problem) => {
    const error = rejection(input);
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(problem);
    expect(error.message).toMatch(problem);
  });

  it('refuses more threads than this machine can use, with the bound and its reason', () => {
    const bound = maxThreadsFor(hostLimits().cores);
    expect(validateConfig(testConfig(goodUrl, { threads: 12, connections: 400 })).threads).toBe(12);
    expect(validateConfig(testConfig(goodUrl, { threads: bound, connections: bound })).threads).toBe(bound);
    const error = rejection(testConfig(goodUrl, { threads: bound + 1, connections: bound + 1 }));
    expect(error.problems).toEqual([expect.stringMatching(new RegExp(`^threads: ${bound + 1} is more than this machine can use: at most ${bound} \\(4 per core`))]);
  });

  it('refuses more connections than the open-file limit allows', () => {
    const { openFiles } = hostLimits();
    if (openFiles === null || openFiles - 256 > 100_000) return; // unknown or above the schema's own ceiling
    const error = rejection(testConfig(goodUrl, { connections: openFiles }));
    expect(error.problems).toEqual([expect.stringMatching(/^connections: \d+ is more than the open-file limit allows: each connection is an open file, this process may open \d+ \(ulimit -n\)/)]);
  });

  it('lists every problem at once', () => {
    const error = rejection(testConfig('ftp://x/', { threads: 3, connections: 1, ratePerSec: 0, durationMs: -5 }));
    expect(error.problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['connections', 'durationMs', 'ratePerSec', 'url']);
  });

  it('rejects input that is not a config object', () => {
    expect(() => validateConfig(null)).toThrow(ConfigError);
    expect(() => validateConfig({ url: goodUrl })).toThrow(/threads/);
  });

  it('startRun refuses a bad config before starting anything', () => {
    expect(() => startRun(testConfig(goodUrl, { threads: 2, connections: 1 }))).toThrow(ConfigError);
  });
});
