// httperf's report layout (stat/basic.c of httperf 0.9), from a connection-rate run record.
// Figures httperf prints that Loadlab does not measure (socket-timo, ftab-full) print as 0.
import type { LatencySummary, MeasuredRunRecord } from '../runRecord.ts';
import { formatFixed } from '../format.ts';
import { httperfHandshakeLines, httperfTlsErrorLines, insecureWarningLines } from './tlsLines.ts';

/** The command line echoed on the report's first line. */
export interface HttperfInvocation {
  server: string;
  port: number;
  uri: string;
  /** "--rate=10" or "--period=e0.1"; empty when neither was given. */
  spacing: string;
  numConns: number;
  numCalls: number;
  timeoutS: number;
  /** httperf's --ssl (an https target). */
  ssl?: boolean;
  /** httperf's --ssl-no-reuse (TLS session resumption off). */
  sslNoReuse?: boolean;
}

const f1 = (value: number): string => formatFixed(value, 1);
const f3 = (value: number): string => formatFixed(value, 3);
const ms = (us: number): string => f1(us / 1000);

function perUnit(total: number, count: number): number {
  return count > 0 ? total / count : 0;
}

function statusClassCounts(statusCounts: Record<string, number>): number[] {
  const classes = [0, 0, 0, 0, 0];
  for (const [code, count] of Object.entries(statusCounts)) {
    const index = Math.floor(Number(code) / 100) - 1;
    if (index >= 0 && index < classes.length) classes[index] = (classes[index] ?? 0) + count;
  }
  return classes;
}

function connectionTimeLine(lifetime: LatencySummary): string {
  if (lifetime.count === 0) return 'Connection time [ms]: min 0.0 avg 0.0 max 0.0 median 0.0 stddev 0.0';
  return `Connection time [ms]: min ${ms(lifetime.min)} avg ${ms(lifetime.mean)} max ${ms(lifetime.max)} median ${ms(lifetime.p50)} stddev ${ms(lifetime.stdev)}`;
}

export function formatHttperfReport(record: MeasuredRunRecord, invocation: HttperfInvocation): string {
  const summary = record.summary;
  const conn = summary.connRate;
  if (!conn) throw new Error(`run ${record.id} is not a connection-rate run (load mode ${record.load.mode})`);
  const durationS = summary.durationMs / 1000;
  const requestsSent = Math.round(perUnit(conn.bytesSent, conn.requestBytes));
  const replies = summary.requests;
  const classes = statusClassCounts(summary.statusCounts);
  const errors = conn.errors;
  const totalErrors = errors.clientTimeout + errors.connRefused + errors.connReset + errors.fdUnavail + errors.addrUnavail + errors.other;
  const cpuTotalS = conn.cpuUserS + conn.cpuSystemS;
  const netBytesPerSec = perUnit(conn.bytesSent + summary.bytesRead, durationS);
  const headerAvg = perUnit(conn.replyHeaderBytes, replies);
  const contentAvg = perUnit(conn.replyContentBytes, replies);
  const spacing = invocation.spacing ? ` ${invocation.spacing}` : '';
  const ssl = invocation.ssl === true ? ` --ssl${invocation.sslNoReuse === true ? ' --ssl-no-reuse' : ''}` : '';

  const lines = [
    `loadlab httperf --server=${invocation.server} --port=${invocation.port} --uri=${invocation.uri}${spacing}${ssl} --num-conns=${invocation.numConns} --num-calls=${invocation.numCalls} --timeout=${invocation.timeoutS}`,
    ...insecureWarningLines(record),
    `Maximum connect burst length: ${conn.maxConnectBurst}`,
    '',
    `Total: connections ${conn.started} requests ${requestsSent} replies ${replies} test-duration ${f3(durationS)} s`,
    '',
    `Connection rate: ${f1(perUnit(conn.started, durationS))} conn/s (${f1(perUnit(summary.durationMs, conn.started))} ms/conn, <=${conn.peakConcurrent} concurrent connections)`,
    connectionTimeLine(conn.lifetimeUs),
    `Connection time [ms]: connect ${ms(conn.connectUs.mean)}`,
    ...httperfHandshakeLines(record),
    `Connection length [replies/conn]: ${f3(perUnit(replies, conn.completed))}`,
    '',
    `Request rate: ${f1(perUnit(requestsSent, durationS))} req/s (${f1(perUnit(summary.durationMs, requestsSent))} ms/req)`,
    `Request size [B]: ${f1(conn.requestBytes)}`,
    '',
    `Reply rate [replies/s]: min ${f1(conn.replyRate.min)} avg ${f1(conn.replyRate.mean)} max ${f1(conn.replyRate.max)} stddev ${f1(conn.replyRate.stdev)} (${conn.replyRate.samples} samples)`,
    `Reply time [ms]: response ${ms(conn.responseUs.mean)} transfer ${ms(conn.transferUs.mean)}`,
    `Reply size [B]: header ${f1(headerAvg)} content ${f1(contentAvg)} footer 0.0 (total ${f1(headerAvg + contentAvg)})`,
    `Reply status: 1xx=${classes[0]} 2xx=${classes[1]} 3xx=${classes[2]} 4xx=${classes[3]} 5xx=${classes[4]}`,
    '',
    `CPU time [s]: user ${formatFixed(conn.cpuUserS, 2)} system ${formatFixed(conn.cpuSystemS, 2)} (user ${f1(perUnit(100 * conn.cpuUserS, durationS))}% system ${f1(perUnit(100 * conn.cpuSystemS, durationS))}% total ${f1(perUnit(100 * cpuTotalS, durationS))}%)`,
    `Net I/O: ${f1(netBytesPerSec / 1024)} KB/s (${f1((netBytesPerSec * 8) / 1e6)}*10^6 bps)`,
    '',
    `Errors: total ${totalErrors} client-timo ${errors.clientTimeout} socket-timo 0 connrefused ${errors.connRefused} connreset ${errors.connReset}`,
    `Errors: fd-unavail ${errors.fdUnavail} addrunavail ${errors.addrUnavail} ftab-full 0 other ${errors.other}`,
    ...httperfTlsErrorLines(record),
  ];
  return `${lines.join('\n')}\n`;
}
