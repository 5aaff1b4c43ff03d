// Messages between the host and the server thread: status changes and one telemetry sample per
// interval, never a message per request (DESIGN.md, "Threads").
import type { ServerTelemetrySample } from '../common/serverTelemetry.ts';

export interface ServerAddress {
  /** The address the server listens on, as the system reports it ("127.0.0.1", "::1"). */
  host: string;
  port: number;
}

/** What stop() found and did. */
export interface StopReport {
  /** Requests received and not yet answered when stop() began. */
  inFlightAtStop: number;
  /** Of those, answered within the grace period. */
  drained: number;
  /** Of those, cut off when the grace period ended (their connections were closed). */
  abandoned: number;
  /** Responses completed over the server's whole life. */
  servedTotal: number;
}

export type HostToServer = { type: 'stop'; graceMs: number };

export type ServerToHost =
  | { type: 'listening'; address: ServerAddress }
  | { type: 'telemetry'; sample: ServerTelemetrySample }
  | { type: 'stopping' }
  | { type: 'stopped'; report: StopReport }
  | { type: 'fatal'; message: string };
