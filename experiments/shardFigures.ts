// Figures of a merged run that are not plain sums: per-thread rates pooled, the generators'
// environment, the TLS summary. Pure.
import type { PartialRateStats, RunRecord, TlsSummary } from '../common/runRecord.ts';
import { TlsTotals } from '../bench-runner/tlsTotals.ts';

export function allEqual<T>(values: readonly T[]): T | null {
  const [first] = values;
  if (first === undefined) return null;
  const text = JSON.stringify(first);
  return values.every((value) => JSON.stringify(value) === text) ? first : null;
}

/**
 * Per-thread rate samples of all shards' threads, pooled: mean, sample stdev and max are exact
 * from each shard's (samples, mean, stdev, max); the share within ±stdev is not (null).
 */
export function pooledRates(stats: ReadonlyArray<PartialRateStats | null>): PartialRateStats | null {
  let n = 0;
  let sum = 0;
  let squares = 0;
  let max = -Infinity;
  for (const stat of stats) {
    if (stat === null || stat.samples === null || stat.mean === null || stat.stdev === null || stat.max === null) return null;
    n += stat.samples;
    sum += stat.mean * stat.samples;
    squares += stat.stdev ** 2 * Math.max(0, stat.samples - 1) + stat.mean ** 2 * stat.samples;
    if (stat.samples > 0) max = Math.max(max, stat.max);
  }
  if (n === 0) return { mean: 0, stdev: 0, max: 0, withinStdevPct: null, samples: 0 };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean ** 2) / (n - 1)) : 0;
  return { mean, stdev: Math.sqrt(variance), max, withinStdevPct: null, samples: n };
}

/**
 * The generators' environment: equal on every shard, or the aggregate of the machines (cores
 * summed over distinct hosts, differing names listed with " | ").
 */
export function mergedEnv(records: ReadonlyArray<Pick<RunRecord, 'env'> & { shard: { host: string } }>): RunRecord['env'] {
  const envs = records.map((record) => record.env);
  const same = allEqual(envs);
  if (same !== null || envs.some((env) => env === null)) return same;
  const known = envs.filter((env): env is NonNullable<RunRecord['env']> => env !== null);
  const distinct = (pick: (env: NonNullable<RunRecord['env']>) => string | null): string => [...new Set(known.map(pick).filter((value) => value !== null))].join(' | ');
  const coresByHost = new Map(records.map((record) => [record.shard.host, record.env?.cores ?? 0]));
  const electron = distinct((env) => env.electron);
  return {
    cpuModel: distinct((env) => env.cpuModel),
    cores: [...coresByHost.values()].reduce((total, cores) => total + cores, 0),
    os: distinct((env) => env.os),
    node: distinct((env) => env.node),
    electron: electron === '' ? null : electron,
    app: distinct((env) => env.app),
  };
}

/**
 * The shards' TLS figures added (handshake times from their histograms); null when no shard has
 * TLS figures, or when one has them without its handshake histogram (nothing exact to add).
 */
export function mergedTls(records: ReadonlyArray<Pick<RunRecord, 'summary' | 'histograms'>>): TlsSummary | null {
  const withTls = records.filter((record) => record.summary.tls !== undefined);
  if (withTls.length === 0) return null;
  const totals = new TlsTotals();
  try {
    for (const record of withTls) {
      const tls = record.summary.tls;
      const handshakeUs = record.histograms.tlsHandshakeUs;
      if (tls === undefined || handshakeUs === undefined) return null;
      totals.add({ handshakes: tls.handshakes, resumed: tls.resumed, handshakeUs, protocols: tls.protocols, errors: tls.errors, examples: tls.errorExamples });
    }
    return totals.summary();
  } finally {
    totals.handshakeUs.destroy();
  }
}
