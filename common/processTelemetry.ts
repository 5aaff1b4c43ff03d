// Telemetry of a server process that is not ours (its whole process tree), one point per
// interval on a run's time axis: what the kernel says about it. Linux reads /proc; elsewhere
// only CPU and RSS are known and every other figure is null (unknown), never invented.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const rate = z.number().nonnegative();

/** One listening socket of the tree: its accept queue now and its maximum (`ss -lnt` Recv-Q / Send-Q). */
export const listenerSchema = z.object({
  /** `127.0.0.1:8080`, `[::]:8080`. */
  address: z.string(),
  /** Connections completed by the kernel and not yet accept()ed. */
  queued: count,
  /** The backlog listen() asked for, as the kernel capped it; null when it could not be read. */
  max: count.nullable(),
});
export type Listener = z.infer<typeof listenerSchema>;

export const processTelemetryPointSchema = z.object({
  kind: z.literal('process'),
  /** End of the interval: ms since the run started, and epoch ms. */
  runTMs: z.number(),
  epochMs: z.number().nonnegative(),
  /** Length of the interval the rates cover, as measured. */
  intervalMs: z.number().nonnegative(),
  /** The processes of the tree seen in this sample (root and descendants). */
  pids: z.array(z.number().int().positive()),
  /** CPU over the interval, 100 = one core, summed over the tree. */
  cpu: z.object({ userPct: rate.nullable(), systemPct: rate.nullable(), totalPct: rate.nullable() }),
  /** Resident memory summed over the tree (pages shared between processes count once per process). */
  rssBytes: count.nullable(),
  threads: count.nullable(),
  openFds: count.nullable(),
  contextSwitchesPerSec: z.object({ voluntary: rate.nullable(), involuntary: rate.nullable() }),
  /** The tree's TCP sockets by state (`ESTABLISHED`, `TIME_WAIT`, `LISTEN`, …); null = unknown. */
  tcpByState: z.record(z.string(), count).nullable(),
  listeners: z.array(listenerSchema).nullable(),
});
export type ProcessTelemetryPoint = z.infer<typeof processTelemetryPointSchema>;
