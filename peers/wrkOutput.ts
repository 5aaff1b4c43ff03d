// Reads the few figures the peer tests and benchmarks compare from a wrk / wrk2 report.
// (The journal's importer reads whole reports; this one only needs the summary lines.)

const TIME_UNITS_US: Record<string, number> = { us: 1, ms: 1000, s: 1e6, m: 60e6, h: 3600e6 };
const BYTE_UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

export interface WrkFigures {
  requests: number;
  durationS: number;
  bytesRead: number;
  reqPerSec: number;
  latencyMeanUs: number;
  latencyMaxUs: number;
  /** From the `--latency` block when present: percentile → µs. */
  percentilesUs: Map<number, number>;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  non2xx3xx: number;
}

export function parseTimeUs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`not a wrk time: "${text}"`);
  return Number(match[1]) * (TIME_UNITS_US[match[2] ?? ''] ?? Number.NaN);
}

export function parseWrkOutput(text: string): WrkFigures {
  const summary = /^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h), ([\d.]+)(B|KB|MB|GB|TB) read/m.exec(text);
  const rate = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  const latency = /^\s*Latency\s+(\S+)\s+(\S+)\s+(\S+)\s+/m.exec(text);
  if (!summary || !rate || !latency) throw new Error(`not a wrk report:\n${text}`);
  const percentilesUs = new Map<number, number>();
  for (const match of text.matchAll(/^\s*([\d.]+)%\s+([\d.]+(?:us|ms|s|m|h))\s*$/gm)) {
    percentilesUs.set(Number(match[1]), parseTimeUs(match[2] ?? ''));
  }
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  return {
    requests: Number(summary[1]),
    durationS: parseTimeUs(`${summary[2]}${summary[3]}`) / 1e6,
    bytesRead: Number(summary[4]) * (BYTE_UNITS[summary[5] ?? ''] ?? Number.NaN),
    reqPerSec: Number(rate[1]),
    latencyMeanUs: parseTimeUs(latency[1] ?? ''),
    latencyMaxUs: parseTimeUs(latency[3] ?? ''),
    percentilesUs,
    socketErrors: {
      connect: Number(errors?.[1] ?? 0),
      read: Number(errors?.[2] ?? 0),
      write: Number(errors?.[3] ?? 0),
      timeout: Number(errors?.[4] ?? 0),
    },
    non2xx3xx: Number(non2xx?.[1] ?? 0),
  };
}
