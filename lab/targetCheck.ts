// Before a run: does the target accept a TCP connection at all? A refused or unresolvable target
// otherwise ends as thousands of connect errors that read like a slow server (issue 11, item 6).
import { connect } from 'node:net';
import { connectCauseOf } from '../common/connectCause.ts';
import type { TargetCheck, TargetProblem } from '../common/labApi.ts';

/** Where a URL connects: its host (brackets of an IPv6 literal removed) and port. */
export function endpointOf(url: string): { host: string; port: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const port = parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
  return { host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}

/** A socket error code as the cause a person can act on. */
export function problemOf(code: string | undefined): TargetProblem {
  const cause = connectCauseOf(code);
  return cause === 'notResolved' ? 'not-resolved' : cause;
}

/** What the page says; `builtinPort` is the running built-in server's port, or null. */
export function problemMessage(problem: TargetProblem, host: string, port: number, builtinPort: number | null, detail: string): string {
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (problem) {
    case 'refused':
      return `nothing is listening on ${where} — ${builtinPort === null ? 'the built-in server is not running' : builtinPort === port ? `the built-in server is on port ${builtinPort}, but not on ${host}` : `the built-in server is on port ${builtinPort}`}`;
    case 'not-resolved':
      return `the name ${host} does not resolve`;
    case 'timeout':
      return `${where} did not accept a connection in time (no answer: a firewall, or a host that is down)`;
    case 'reset':
      return `${where} reset the connection as it opened`;
    case 'bad-url':
      return `not an http:// or https:// URL: ${detail}`;
    case 'other':
      return `could not connect to ${where}: ${detail}`;
  }
}

/** Opens one TCP connection and closes it at once. Never rejects: a failure is the result. */
export function checkTarget(url: string, timeoutMs: number, builtinPort: number | null): Promise<TargetCheck> {
  const endpoint = endpointOf(url);
  if (endpoint === null) return Promise.resolve({ reachable: false, url, problem: 'bad-url', message: problemMessage('bad-url', '', 0, builtinPort, url) });
  const { host, port } = endpoint;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const settle = (result: TargetCheck): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const fail = (problem: TargetProblem, detail: string): void => settle({ reachable: false, url, problem, message: problemMessage(problem, host, port, builtinPort, detail) });
    const timer = setTimeout(() => fail('timeout', `${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => settle({ reachable: true, url }));
    socket.once('error', (error: NodeJS.ErrnoException) => fail(problemOf(error.code), error.code ?? error.message));
  });
}
