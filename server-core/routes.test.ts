import { describe, expect, it } from 'vitest';
import { mayDispatch } from './connections.ts';
import { expectedResponseBytes, MAX_BYTES, routeRequest, splitTarget, takesBody, type RouteDecision } from './routes.ts';

describe('routeRequest', () => {
  // [method, target, faultRoutes, expected]
  const cases: Array<[string, string, boolean, RouteDecision]> = [
    ['GET', '/', false, { workload: { kind: 'hello' } }],
    ['HEAD', '/', false, { workload: { kind: 'hello' } }],
    ['GET', '/sleep?ms=0', false, { workload: { kind: 'sleep', ms: 0 } }],
    ['GET', '/sleep?ms=60000', false, { workload: { kind: 'sleep', ms: 60_000 } }],
    ['GET', '/sleep-async?ms=5&other=ignored', false, { workload: { kind: 'sleep-async', ms: 5 } }],
    ['GET', '/cpu?us=10000000', false, { workload: { kind: 'cpu', us: 10_000_000 } }],
    ['GET', `/bytes?n=${MAX_BYTES}`, false, { workload: { kind: 'bytes', n: MAX_BYTES } }],
    ['POST', '/echo', false, { workload: { kind: 'echo' } }],
    ['GET', 'http://host:8080/bytes?n=7', false, { workload: { kind: 'bytes', n: 7 } }],
    ['GET', '/fault/exit', true, { workload: { kind: 'fault', fault: 'exit' } }],
    // Sad paths: bounds, shapes, methods, paths.
    ['GET', '/sleep?ms=60001', false, { rejection: { status: 400, message: 'ms must be a whole number from 0 to 60000, got "60001"' } }],
    ['GET', '/sleep', false, { rejection: { status: 400, message: 'ms is required: a whole number from 0 to 60000' } }],
    ['GET', '/sleep?ms=', false, { rejection: { status: 400, message: 'ms must be a whole number from 0 to 60000, got ""' } }],
    ['GET', '/sleep?ms=1e3', false, { rejection: { status: 400, message: 'ms must be a whole number from 0 to 60000, got "1e3"' } }],
    ['GET', '/sleep?ms=%2010', false, { rejection: { status: 400, message: 'ms must be a whole number from 0 to 60000, got " 10"' } }],
    ['GET', '/cpu?us=99999999999', false, { rejection: { status: 400, message: 'us must be a whole number from 0 to 10000000, got "99999999999"' } }],
    ['GET', '/bytes?n=1&n=1', false, { rejection: { status: 400, message: 'n is given 2 times; give it once' } }],
    ['GET', '/echo', false, { rejection: { status: 405, message: '/echo allows POST, not GET', allow: 'POST' } }],
    ['HEAD', '/echo', false, { rejection: { status: 405, message: '/echo allows POST, not HEAD', allow: 'POST' } }],
    ['POST', '/sleep?ms=1', false, { rejection: { status: 405, message: '/sleep allows GET, HEAD, not POST', allow: 'GET, HEAD' } }],
    ['PATCH', '/', false, { rejection: { status: 501, message: 'method PATCH is not implemented (GET, HEAD, POST are)' } }],
    ['GET', '/fault/exit', false, { rejection: { status: 404, message: expect.stringMatching(/^no route \/fault\/exit/) } }],
    ['GET', '/constructor', false, { rejection: { status: 404, message: expect.stringMatching(/^no route \/constructor/) } }],
    ['GET', '/SLEEP?ms=1', false, { rejection: { status: 404, message: expect.stringMatching(/^no route \/SLEEP/) } }],
  ];
  it.each(cases)('%s %s (fault routes %s)', (method, target, faultRoutes, expected) => {
    expect(routeRequest(method, target, faultRoutes)).toEqual(expected);
  });
});

describe('splitTarget', () => {
  it.each([
    ['/', '/', ''],
    ['/a?b=1&c', '/a', 'b=1&c'],
    ['/a#frag', '/a', ''],
    ['http://h:1/x?y', '/x', 'y'],
    ['http://h', '/', ''],
    ['*', '*', ''],
  ])('%s → path %s, query %s', (target, path, query) => {
    expect(splitTarget(target)).toEqual({ path, query });
  });
});

describe('takesBody', () => {
  it('only echo reads the body', () => {
    expect(takesBody({ kind: 'echo' })).toBe(true);
    expect(takesBody({ kind: 'hello' })).toBe(false);
  });
});

describe('expectedResponseBytes', () => {
  it.each([
    // [workload, request body bytes, counted bytes]
    [{ kind: 'bytes', n: 16_777_216 }, 0, 16_777_216],
    [{ kind: 'echo' }, 5000, 5000],
    [{ kind: 'hello' }, 0, 64],
    [{ kind: 'sleep', ms: 1000 }, 0, 64],
  ] as const)('%o with a %i-byte body counts %i bytes', (workload, bodyBytes, expected) => {
    expect(expectedResponseBytes(workload, bodyBytes)).toBe(expected);
  });
});

describe('mayDispatch', () => {
  const limits = { maxPipelinedResponses: 16, maxUnsentResponseBytes: 1_048_576 };
  it.each([
    // [running, unsent bytes, may hand over one more]
    [0, 0, true],
    [15, 1_048_575, true],
    [16, 0, false],
    [0, 1_048_576, false],
    [3, 16_777_216, false],
  ] as const)('%i running, %i bytes unsent: %s', (running, unsentBytes, expected) => {
    expect(mayDispatch(running, unsentBytes, limits)).toBe(expected);
  });
});
