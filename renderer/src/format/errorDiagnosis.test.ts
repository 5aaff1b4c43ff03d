// The banner after a run names the dominant error kind and its likely cause, never "cannot keep up"
// for a target that refused every connection.
import { describe, expect, it } from 'vitest';
import { diagnoseErrors, endpointOf } from './errorDiagnosis.ts';

const none = { connect: 0, read: 0, write: 0, timeout: 0, status: 0 };
const base = { where: 'localhost:7878', host: 'localhost', timeoutMs: 2000, connectCauses: null };

describe('diagnoseErrors', () => {
  it('is null without errors', () => {
    expect(diagnoseErrors(none, base)).toBeNull();
  });

  it('names refused connections and where', () => {
    const diagnosis = diagnoseErrors({ ...none, connect: 3200 }, { ...base, connectCauses: { refused: 3200, reset: 0, timeout: 0, notResolved: 0, other: 0 } });
    expect(diagnosis).toMatchObject({ kind: 'connect', count: 3200, share: 1 });
    expect(diagnosis?.text).toBe('Connections refused (3,200): nothing is listening on localhost:7878. Start the server, or check the port.');
  });

  it('says a name does not resolve rather than counting connect errors', () => {
    const diagnosis = diagnoseErrors({ ...none, connect: 40 }, { ...base, host: 'no-such-host.invalid', connectCauses: { refused: 0, reset: 0, timeout: 0, notResolved: 40, other: 0 } });
    expect(diagnosis?.text).toBe('The name no-such-host.invalid does not resolve: no connection was possible.');
  });

  it('without causes (live) still says it is not a slow server', () => {
    expect(diagnoseErrors({ ...none, connect: 5 }, base)?.text).toMatch(/could not be opened.*not a slow server/);
  });

  it('picks the dominant kind', () => {
    const diagnosis = diagnoseErrors({ ...none, read: 10, timeout: 30 }, base);
    expect(diagnosis).toMatchObject({ kind: 'timeout', count: 30, share: 0.75 });
    expect(diagnosis?.text).toMatch(/within the 2 s timeout/);
    expect(diagnoseErrors({ ...none, read: 7 }, base)?.text).toMatch(/^Mostly read errors \(7\)/);
  });

  it('endpointOf: host and port, the default port named', () => {
    expect(endpointOf('http://localhost:7878/x')).toEqual({ host: 'localhost', where: 'localhost:7878' });
    expect(endpointOf('https://example.org/')).toEqual({ host: 'example.org', where: 'example.org:443' });
    expect(endpointOf('not a url')).toBeNull();
  });
});
