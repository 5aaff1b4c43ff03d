// The latest server telemetry as figures: what is open, queued and busy, and how long jobs wait.
import * as figures from '../../format/figures.ts';
import { useLab } from '../../store/LabContext.tsx';
import { Stat } from '../../ui/Stat.tsx';

export function ServerFigures() {
  const last = useLab((state) => state.telemetry.at(-1));
  const running = useLab((state) => state.server.state === 'running');
  if (!running || last === undefined) return null;
  return (
    <div className="stats compact" aria-label="Server telemetry, last second">
      <Stat label="connections open" value={figures.count(last.connections.open)} detail={last.connections.waiting > 0 ? `${last.connections.waiting} waiting` : undefined} />
      <Stat label="queue depth" value={figures.count(last.queues.depth)} tone={last.queues.depth > 0 ? 'warn' : undefined} />
      <Stat label="busy / threads" value={`${last.handlers.busy} / ${last.handlers.threads}`} detail={`peak ${last.handlers.busyPeak}`} />
      <Stat label="served" value={`${figures.rate(last.intervalMs > 0 ? (last.requests.served * 1000) / last.intervalMs : null)}/s`} />
      <Stat label="queue wait p99" value={figures.latency(last.queueWaitUs?.p99)} detail={last.queueWaitUs === null ? 'no jobs this second' : undefined} />
      <Stat label="service p99" value={figures.latency(last.serviceUs?.p99)} />
      {last.handlers.threadStartUs != null ? (
        <Stat
          label="thread start p50"
          value={figures.latency(last.handlers.threadStartUs.p50)}
          detail={`p99 ${figures.latency(last.handlers.threadStartUs.p99)} · ${figures.rate(last.handlers.threadsStartedPerSec ?? null)}/s started`}
        />
      ) : null}
      {(last.requests.abandonedTotal ?? 0) > 0 ? (
        <Stat label="abandoned" value={figures.count(last.requests.abandoned ?? 0)} detail={`jobs dropped (client gone) · ${figures.count(last.requests.abandonedTotal ?? 0)} in all`} tone="warn" />
      ) : null}
      <Stat label="CPU" value={`${Math.round(last.process.cpuPct)}%`} detail="100% = one core" />
      <Stat label="event-loop delay p99" value={figures.latency(last.eventLoopDelayUs.p99)} />
    </div>
  );
}
