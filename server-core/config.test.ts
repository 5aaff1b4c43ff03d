import { describe, expect, it } from 'vitest';
import { ServerConfigError, validateServerConfig } from './config.ts';

describe('validateServerConfig', () => {
  it('fills in the defaults', () => {
    expect(validateServerConfig({})).toEqual({
      model: 'event-loop',
      workers: 4,
      host: '127.0.0.1',
      port: 7878,
      keepAlive: true,
      intervalMs: 1000,
      closeSilently: false,
      serverTiming: true,
      faultRoutes: false,
      tls: null,
      limits: {
        maxHeaderBytes: 16_384,
        maxBodyBytes: 1_048_576,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5000,
        maxRequestsPerConnection: 0,
        maxThreads: 256,
        maxPipelinedResponses: 16,
        maxUnsentResponseBytes: 1_048_576,
      },
    });
  });

  it('keeps what is given, limits merged with their defaults', () => {
    const config = validateServerConfig({ model: 'pool-per-worker', workers: 8, port: 0, keepAlive: false, limits: { maxBodyBytes: 10 } });
    expect(config).toMatchObject({ model: 'pool-per-worker', workers: 8, port: 0, keepAlive: false, limits: { maxBodyBytes: 10, maxHeaderBytes: 16_384 } });
  });

  it.each([
    [{ model: 'forking' }, /^model: Invalid option: expected one of "single"\|"thread-per-request"\|"pool-shared"\|"pool-per-worker"\|"event-loop"/],
    [{ workers: 0 }, /^workers: Too small/],
    [{ workers: 2.5 }, /^workers: Invalid input: expected int/],
    [{ workers: 257 }, /^workers: Too big/],
    [{ port: 65_536 }, /^port: Too big/],
    [{ port: -1 }, /^port: Too small/],
    [{ host: '' }, /^host: Too small/],
    [{ host: 'http://x' }, /^host: host must be a host name or an IP address/],
    [{ intervalMs: 10 }, /^intervalMs: Too small/],
    [{ limits: { headersTimeoutMs: 20_000, requestTimeoutMs: 10_000 } }, /^limits.headersTimeoutMs: headersTimeoutMs must not exceed requestTimeoutMs/],
    [{ limits: { maxHeaderBytes: 10 } }, /^limits.maxHeaderBytes: Too small/],
    [{ limits: { frobs: 1 } }, /^limits: Unrecognized key: "frobs"/],
    [{ wrkers: 4 }, /Unrecognized key: "wrkers"/],
  ])('refuses %j', (input, message) => {
    try {
      validateServerConfig(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServerConfigError);
      expect((error as ServerConfigError).problems.join('\n')).toMatch(message);
    }
  });

  it('lists every problem at once', () => {
    expect(() => validateServerConfig({ workers: 0, port: 'x' })).toThrow(/workers: .*; port: /);
  });
});
