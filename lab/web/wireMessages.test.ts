import { describe, expect, it } from 'vitest';
import { createFakeLab, fakeAppInfo } from './testing/fakeLab.ts';
import { readIncoming, runCall } from './wireMessages.ts';

describe('readIncoming', () => {
  it('reads a call', () => {
    expect(readIncoming('{"type":"call","id":3,"method":"journal.get","params":{"id":"r1"}}')).toEqual({
      kind: 'call',
      call: { id: 3, method: 'journal.get', params: { id: 'r1' } },
    });
  });

  it('answers an unknown method with not-found, naming the methods there are', () => {
    const incoming = readIncoming('{"type":"call","id":4,"method":"server.explode","params":{}}');
    expect(incoming).toMatchObject({ kind: 'answer', result: { type: 'result', id: 4, ok: false, error: { code: 'not-found' } } });
    expect(JSON.stringify(incoming)).toMatch(/unknown method \\"server.explode\\"; the lab API has app.info, server.start/);
  });

  it('answers a malformed call that has an id', () => {
    const incoming = readIncoming('{"type":"call","id":5,"params":{}}');
    expect(incoming).toMatchObject({ kind: 'answer', result: { id: 5, ok: false, error: { code: 'bad-params' } } });
    expect(JSON.stringify(incoming)).toMatch(/bad message: method: .*expected \{/);
  });

  it('cannot answer JSON without an id, or no JSON at all', () => {
    expect(readIncoming('{"type":"call","method":"app.info"}')).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^bad message: id:/) });
    expect(readIncoming('{"type":"call","id":-1,"method":"app.info"}').kind).toBe('unreadable');
    expect(readIncoming('{"type":"call", id: 1}')).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^malformed JSON \(.+\); expected/) });
    expect(readIncoming('').kind).toBe('unreadable');
  });
});

describe('runCall', () => {
  const lab = createFakeLab();

  it('answers with the result', async () => {
    expect(await runCall(lab, { id: 1, method: 'app.info', params: {} })).toEqual({ type: 'result', id: 1, ok: true, result: fakeAppInfo });
  });

  it("passes the lab's LabError code and message on", async () => {
    expect(await runCall(lab, { id: 2, method: 'run.start', params: { target: { kind: 'builtin' }, mode: 'max' } })).toEqual({
      type: 'result',
      id: 2,
      ok: false,
      error: { code: 'busy', message: 'run.start: a run is going already' },
    });
    expect(await runCall(lab, { id: 3, method: 'journal.get', params: { id: 7 } })).toMatchObject({ ok: false, error: { code: 'bad-params', message: expect.stringMatching(/^journal.get: id: /) } });
  });

  it('turns any other failure into failed, naming the method', async () => {
    const broken = { ...lab, call: () => Promise.reject(new TypeError('boom')) };
    expect(await runCall(broken, { id: 4, method: 'journal.list', params: {} })).toEqual({
      type: 'result',
      id: 4,
      ok: false,
      error: { code: 'failed', message: 'journal.list: boom' },
    });
  });
});
