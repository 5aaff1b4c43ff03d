// The configuration of the built-in server, validated once on the host (library API, CLI, lab).
// The server thread receives the validated object and never imports zod.
import { z } from 'zod';
import { serverModelSchema } from '../common/serverTelemetry.ts';
import { describeZodIssues } from '../common/zodIssues.ts';

export const MAX_WORKERS = 256;
export const MAX_THREADS = 1024;

const HOUR_MS = 3_600_000;

export const serverLimitsSchema = z
  .strictObject({
    /** Request line plus headers, bytes; larger gets 431. */
    maxHeaderBytes: z.number().int().min(1024).max(1024 * 1024).default(16 * 1024),
    /** Request body, bytes; larger gets 413. */
    maxBodyBytes: z.number().int().min(0).max(1024 * 1024 * 1024).default(1024 * 1024),
    /** Time allowed to receive the request line and headers; then 408. */
    headersTimeoutMs: z.number().int().min(100).max(HOUR_MS).default(10_000),
    /** Time allowed to receive the whole request; then 408. */
    requestTimeoutMs: z.number().int().min(100).max(HOUR_MS).default(30_000),
    /** An idle keep-alive connection is closed after this long. */
    keepAliveTimeoutMs: z.number().int().min(100).max(HOUR_MS).default(5_000),
    /** Requests per connection before the server closes it; 0 for no limit. */
    maxRequestsPerConnection: z.number().int().min(0).max(1_000_000_000).default(0),
    /** `thread-per-request`: threads running at once; further requests wait in a queue. */
    maxThreads: z.number().int().min(1).max(MAX_THREADS).default(256),
    /**
     * Per connection: requests handed to the model and not yet answered. At this many the server
     * stops reading the connection (pipelined requests wait in the client and the socket buffers).
     */
    maxPipelinedResponses: z.number().int().min(1).max(1024).default(16),
    /**
     * Per connection: response bytes produced or expected and not yet taken by the system (the
     * socket's buffer included). Above this the server hands no further request to the model and
     * stops reading the connection until the client reads.
     */
    maxUnsentResponseBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).default(1024 * 1024),
  })
  .refine((limits) => limits.headersTimeoutMs <= limits.requestTimeoutMs, {
    message: 'headersTimeoutMs must not exceed requestTimeoutMs',
    path: ['headersTimeoutMs'],
  });

export const serverConfigSchema = z.strictObject({
  model: serverModelSchema.default('event-loop'),
  /** Handler threads of the pool models. */
  workers: z.number().int().min(1).max(MAX_WORKERS).default(4),
  host: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\s/?#@]+$/, 'host must be a host name or an IP address')
    .default('127.0.0.1'),
  /** 0 lets the system pick a free port. */
  port: z.number().int().min(0).max(65_535).default(7878),
  /** Off: every response carries `Connection: close`. */
  keepAlive: z.boolean().default(true),
  /**
   * Close after every response without saying `Connection: close`, dropping request bytes not
   * yet read (the seed journal's server before entry 004): a keep-alive client sees the
   * connection end under its next request, which wrk counts as a read error.
   */
  closeSilently: z.boolean().default(false),
  /** Telemetry sample period. */
  intervalMs: z.number().int().min(100).max(60_000).default(1000),
  /** A `Server-Timing` header (queue wait, service time, handler) on every routed response. */
  serverTiming: z.boolean().default(true),
  /** Routes under /fault/ that throw or end the handler thread, for robustness tests. */
  faultRoutes: z.boolean().default(false),
  limits: serverLimitsSchema.prefault({}),
  /**
   * Serve https with this certificate and key (PEM). Null: plain HTTP. The CLI and the lab fill
   * it from --cert/--key or the self-signed localhost certificate (tlsCertificate.ts).
   */
  tls: z.strictObject({ certPem: z.string().min(1), keyPem: z.string().min(1) }).nullable().default(null),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;
export type ServerLimits = ServerConfig['limits'];

export class ServerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ServerConfigError';
  }
}

/** Validates untrusted input into a config; throws ServerConfigError listing every problem. */
export function validateServerConfig(input: unknown): ServerConfig {
  const parsed = serverConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ServerConfigError(describeZodIssues(parsed.error));
  }
  return parsed.data;
}
