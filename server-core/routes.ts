// The workload routes: a request's method and target in, the workload to run (or why not) out.
// Pure: routing and parameter bounds are decided on the server thread before any model sees
// the request, so bad input never reaches a handler.

export const MAX_SLEEP_MS = 60_000;
export const MAX_CPU_US = 10_000_000;
export const MAX_BYTES = 64 * 1024 * 1024;

export type Fault = 'throw' | 'exit' | 'crash';

export type Workload =
  | { kind: 'hello' }
  | { kind: 'sleep'; ms: number }
  | { kind: 'sleep-async'; ms: number }
  | { kind: 'cpu'; us: number }
  | { kind: 'bytes'; n: number }
  | { kind: 'echo' }
  | { kind: 'fault'; fault: Fault };

export interface RouteRejection {
  status: 400 | 404 | 405 | 501;
  message: string;
  /** The methods the resource allows (405). */
  allow?: string;
}

export type RouteDecision = { workload: Workload } | { rejection: RouteRejection };

/** Methods the server implements at all; any other gets 501. */
export const IMPLEMENTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

/** `parse` gets the raw query string (after "?"), parsed only by the routes that take parameters. */
type Route = { methods: readonly string[]; fault?: true; parse: (query: string) => Workload | RouteRejection };

const READ = ['GET', 'HEAD'] as const;

/** `GET /` and `HEAD /`, the route load tests hit most: one shared decision, no parsing. */
const HELLO: RouteDecision = Object.freeze({ workload: Object.freeze({ kind: 'hello' }) });

const ROUTES: Record<string, Route> = {
  '/': { methods: READ, parse: () => ({ kind: 'hello' }) },
  '/sleep': { methods: READ, parse: (query) => withParam(query, 'ms', MAX_SLEEP_MS, (ms) => ({ kind: 'sleep', ms })) },
  '/sleep-async': { methods: READ, parse: (query) => withParam(query, 'ms', MAX_SLEEP_MS, (ms) => ({ kind: 'sleep-async', ms })) },
  '/cpu': { methods: READ, parse: (query) => withParam(query, 'us', MAX_CPU_US, (us) => ({ kind: 'cpu', us })) },
  '/bytes': { methods: READ, parse: (query) => withParam(query, 'n', MAX_BYTES, (n) => ({ kind: 'bytes', n })) },
  '/echo': { methods: ['POST'], parse: () => ({ kind: 'echo' }) },
  '/fault/throw': { methods: READ, fault: true, parse: () => ({ kind: 'fault', fault: 'throw' }) },
  '/fault/exit': { methods: READ, fault: true, parse: () => ({ kind: 'fault', fault: 'exit' }) },
  '/fault/crash': { methods: READ, fault: true, parse: () => ({ kind: 'fault', fault: 'crash' }) },
};

export function routeRequest(method: string, target: string, faultRoutes: boolean): RouteDecision {
  if (target === '/' && (method === 'GET' || method === 'HEAD')) return HELLO;
  if (!IMPLEMENTED_METHODS.has(method)) {
    return { rejection: { status: 501, message: `method ${method} is not implemented (${[...IMPLEMENTED_METHODS].join(', ')} are)` } };
  }
  const { path, query } = splitTarget(target);
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (route === undefined || (route.fault && !faultRoutes)) {
    return { rejection: { status: 404, message: `no route ${path} (try /, /sleep?ms=N, /sleep-async?ms=N, /cpu?us=N, /bytes?n=N, POST /echo)` } };
  }
  if (!route.methods.includes(method)) {
    const allow = route.methods.join(', ');
    return { rejection: { status: 405, message: `${path} allows ${allow}, not ${method}`, allow } };
  }
  const parsed = route.parse(query);
  return 'kind' in parsed ? { workload: parsed } : { rejection: parsed };
}

/** Splits origin-form ("/p?q") or absolute-form ("http://h/p?q") into path and query. */
export function splitTarget(target: string): { path: string; query: string } {
  let rest = target;
  const scheme = target.startsWith('/') ? null : /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length) || '/';
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const question = rest.indexOf('?');
  return question < 0 ? { path: rest, query: '' } : { path: rest.slice(0, question), query: rest.slice(question + 1) };
}

function withParam(query: string, name: string, max: number, make: (value: number) => Workload): Workload | RouteRejection {
  const values = new URLSearchParams(query).getAll(name);
  const bounds = `a whole number from 0 to ${max}`;
  if (values.length === 0) return { status: 400, message: `${name} is required: ${bounds}` };
  if (values.length > 1) return { status: 400, message: `${name} is given ${values.length} times; give it once` };
  const text = values[0] ?? '';
  if (!/^\d{1,10}$/.test(text) || Number(text) > max) return { status: 400, message: `${name} must be ${bounds}, got "${text.slice(0, 40)}"` };
  return make(Number(text));
}

/** Whether the workload reads the request body (the others ignore it). */
export function takesBody(workload: Workload): boolean {
  return workload.kind === 'echo';
}

/** What a small text response (hello, sleep, cpu, faults) is counted as: its body is a few dozen bytes. */
const SMALL_RESPONSE_BYTES = 64;

/**
 * The body size a workload will answer with, when it can be large: counted against the
 * connection's unsent-bytes limit from the moment the job is handed to the model, so that
 * pipelined `/bytes` jobs are not all produced at once before the first is sent.
 */
export function expectedResponseBytes(workload: Workload, requestBodyBytes: number): number {
  if (workload.kind === 'bytes') return workload.n;
  if (workload.kind === 'echo') return requestBodyBytes;
  return SMALL_RESPONSE_BYTES;
}
