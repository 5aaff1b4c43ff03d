// An httperf report as a connection-rate run record (load.mode 'conn-rate', summary.connRate).
// httperf prints averages, not distributions: only those are filled in, the rest stays null.
import { meanConnectionRatePerSec } from '../../common/connectionRate.ts';
import type { ConnectionSpacing, ConnRateLoad, PartialLatencySummary, PartialRunSummary } from '../../common/runRecord.ts';
import type { CommandLine } from './commandLine.ts';
import { parseHttperfArgs, type HttperfInvocation } from './httperfCommand.ts';
import type { HttperfFigures } from './httperfReport.ts';
import { unknownLatency, type RunDraft } from './runDraft.ts';

const msToUs = (ms: number): number => Math.round(ms * 1000);

function withMean(count: number, meanMs: number | null): PartialLatencySummary {
  return { ...unknownLatency(count), mean: count > 0 && meanMs !== null ? msToUs(meanMs) : null };
}

/** --period "d0.1" (fixed), "u1,2" (uniform), "e0.1" (exponential); seconds. */
function spacingOf(invocation: HttperfInvocation): ConnectionSpacing | null {
  if (invocation.ratePerSec !== null) return { kind: 'fixed', ratePerSec: invocation.ratePerSec };
  const period = /^([due]?)(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?$/.exec(invocation.period ?? '');
  if (!period) return null;
  const first = Number(period[2]);
  if (period[1] === 'u' && period[3] !== undefined) return { kind: 'uniform', minMs: first * 1000, maxMs: Number(period[3]) * 1000 };
  if (period[1] === 'e' && first > 0) return { kind: 'exponential', meanMs: first * 1000 };
  return first > 0 ? { kind: 'fixed', ratePerSec: 1 / first } : null;
}

function connRateLoad(invocation: HttperfInvocation, spacing: ConnectionSpacing | null): ConnRateLoad | undefined {
  if (invocation.numConns === null || spacing === null) return undefined;
  return { numConns: invocation.numConns, numCalls: invocation.numCalls ?? 1, spacing };
}

/** "" when nothing says where the load went; httperf's defaults (localhost, port 80, "/") otherwise. */
function targetUrl(invocation: HttperfInvocation): string {
  if (invocation.server === null && invocation.port === null && invocation.uri === null) return '';
  const scheme = invocation.ssl ? 'https' : 'http';
  const port = invocation.port === null ? '' : `:${invocation.port}`;
  return `${scheme}://${invocation.server ?? 'localhost'}${port}${invocation.uri ?? '/'}`;
}

function summaryOf(figures: HttperfFigures): PartialRunSummary {
  const { replies, errors, statusClasses: status } = figures;
  // httperf averages the reply sizes; totals are those averages times the replies.
  const header = figures.replyBytes === null ? null : Math.round(figures.replyBytes.header * replies);
  const content = figures.replyBytes === null ? null : Math.round(figures.replyBytes.content * replies);
  const footer = figures.replyBytes === null ? 0 : Math.round(figures.replyBytes.footer * replies);
  const bytesRead = header === null || content === null ? null : header + content + footer;
  const requestBytes = figures.requestBytes === null ? null : Math.round(figures.requestBytes);
  // httperf's num_lifetimes: the connections that ended after all their calls.
  const completed = figures.repliesPerConnection > 0 ? Math.round(replies / figures.repliesPerConnection) : 0;
  const lifetime = figures.lifetimeMs;
  return {
    requests: replies,
    durationMs: figures.durationS * 1000,
    reqPerSec: figures.durationS > 0 ? replies / figures.durationS : 0,
    bytesRead,
    transferPerSec: bytesRead === null || figures.durationS <= 0 ? null : bytesRead / figures.durationS,
    latencyUs: unknownLatency(replies),
    uncorrectedLatencyUs: null,
    errors: {
      connect: errors.connRefused + errors.fdUnavail + errors.addrUnavail + errors.ftabFull,
      read: errors.connReset + errors.other,
      write: 0,
      timeout: errors.clientTimo + errors.socketTimo,
      status: status['4xx'] + status['5xx'],
    },
    statusCounts: { ...status },
    serverCloses: null,
    inFlightAtEnd: null,
    unsent: null,
    threadReqPerSec: null,
    connRate: {
      started: figures.connections,
      completed,
      peakConcurrent: figures.peakConcurrent,
      maxConnectBurst: figures.maxConnectBurst,
      // httperf does not print how many connections got connected; the connections it started bound it.
      connectUs: withMean(figures.connections, figures.connectMs),
      lifetimeUs:
        lifetime === null || completed === 0
          ? unknownLatency(completed)
          : { ...unknownLatency(completed), min: msToUs(lifetime.min), mean: msToUs(lifetime.avg), max: msToUs(lifetime.max), p50: msToUs(lifetime.median), stdev: msToUs(lifetime.stddev) },
      responseUs: withMean(replies, figures.responseMs),
      transferUs: withMean(replies, figures.transferMs),
      requestBytes,
      replyHeaderBytes: header,
      replyContentBytes: content,
      bytesSent: requestBytes === null ? null : requestBytes * figures.requests,
      replyRate: { min: figures.replyRate.min, mean: figures.replyRate.avg, max: figures.replyRate.max, stdev: figures.replyRate.stddev, samples: figures.replyRate.samples },
      // socket-timo and ftab-full have no kind of their own in the record.
      errors: {
        clientTimeout: errors.clientTimo,
        connRefused: errors.connRefused,
        connReset: errors.connReset,
        fdUnavail: errors.fdUnavail,
        addrUnavail: errors.addrUnavail,
        other: errors.other + errors.socketTimo + errors.ftabFull,
      },
      cpuUserS: figures.cpuS?.user ?? null,
      cpuSystemS: figures.cpuS?.system ?? null,
    },
  };
}

/** `command` is the command typed before the report, if any; the echoed one gives the load. */
export function httperfDraft(figures: HttperfFigures, command: CommandLine | null, text: string): RunDraft {
  const args = figures.echoedArgs ?? command?.args ?? [];
  const invocation = parseHttperfArgs(args);
  const spacing = spacingOf(invocation);
  const connRate = connRateLoad(invocation, spacing);
  const echoed = figures.echoedArgs === null ? null : `${figures.echoedByLoadlab ? 'loadlab httperf' : 'httperf'} ${figures.echoedArgs.join(' ')}`;
  return {
    tool: figures.echoedByLoadlab || command?.tool === 'loadlab-httperf' ? 'loadlab' : 'httperf',
    text,
    command: command?.text ?? echoed,
    body: {
      startedAt: null,
      finishedAt: null,
      stoppedEarly: null,
      target: { url: targetUrl(invocation), method: invocation.method ?? 'GET', headers: invocation.headers, bodyBytes: 0 },
      load: {
        mode: 'conn-rate',
        threads: null,
        connections: invocation.numConns,
        durationMs: null,
        ratePerSec: spacing === null ? null : meanConnectionRatePerSec(spacing),
        keepAlive: null,
        timeoutMs: invocation.timeoutS !== null && invocation.timeoutS > 0 ? Math.round(invocation.timeoutS * 1000) : null,
        intervalMs: null,
        ...(connRate ? { connRate } : {}),
      },
      server: { kind: 'unknown' },
      env: null,
      summary: summaryOf(figures),
      histograms: { correctedUs: null, uncorrectedUs: null },
      series: [],
    },
  };
}
