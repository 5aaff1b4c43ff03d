// Reads one httperf report (httperf 0.9 stat/basic.c; Loadlab's `loadlab httperf` prints the same
// layout) into its figures. Times are as printed (ms, s); the run builder converts.
import { tokenize } from './commandLine.ts';
import { ReportError } from './importError.ts';
import type { SourceLine } from './sourceLines.ts';

export interface HttperfFigures {
  /** The command httperf echoes first (its words after the program name); null when not pasted. */
  echoedArgs: string[] | null;
  echoedByLoadlab: boolean;
  maxConnectBurst: number | null;
  connections: number;
  requests: number;
  replies: number;
  durationS: number;
  peakConcurrent: number;
  /** Connection lifetime, ms: min, avg, max, median, stddev. */
  lifetimeMs: { min: number; avg: number; max: number; median: number; stddev: number } | null;
  connectMs: number | null;
  repliesPerConnection: number;
  requestBytes: number | null;
  replyRate: { min: number; avg: number; max: number; stddev: number; samples: number };
  responseMs: number | null;
  transferMs: number | null;
  /** Average bytes per reply. */
  replyBytes: { header: number; content: number; footer: number } | null;
  statusClasses: { '1xx': number; '2xx': number; '3xx': number; '4xx': number; '5xx': number };
  cpuS: { user: number; system: number } | null;
  errors: { total: number; clientTimo: number; socketTimo: number; connRefused: number; connReset: number; fdUnavail: number; addrUnavail: number; ftabFull: number; other: number };
}

const N = String.raw`(\d+(?:\.\d+)?)`;
const ECHO_RE = /^(?:\S*\/)?(httperf|loadlab httperf)\s+(.*--(?:client|server)=.*)$/;
const BURST_RE = /^(?:\^C)?Maximum connect burst length: (\d+)$/;
const TOTAL_RE = new RegExp(`^Total: connections (\\d+) requests (\\d+) replies (\\d+) test-duration ${N} s$`);
const CONN_RATE_RE = /^Connection rate: .*<=(\d+) concurrent connections\)$/;
const LIFETIME_RE = new RegExp(`^Connection time \\[ms\\]: min ${N} avg ${N} max ${N} median ${N} stddev ${N}$`);
const CONNECT_RE = new RegExp(`^Connection time \\[ms\\]: connect ${N}$`);
const LENGTH_RE = new RegExp(`^Connection length \\[replies/conn\\]: ${N}$`);
const REQUEST_SIZE_RE = new RegExp(`^Request size \\[B\\]: ${N}$`);
const REPLY_RATE_RE = new RegExp(`^Reply rate \\[replies/s\\]: min ${N} avg ${N} max ${N} stddev ${N} \\((\\d+) samples\\)$`);
const REPLY_TIME_RE = new RegExp(`^Reply time \\[ms\\]: response ${N} transfer ${N}$`);
const REPLY_SIZE_RE = new RegExp(`^Reply size \\[B\\]: header ${N} content ${N} footer ${N}`);
const STATUS_RE = /^Reply status: 1xx=(\d+) 2xx=(\d+) 3xx=(\d+) 4xx=(\d+) 5xx=(\d+)$/;
const CPU_RE = new RegExp(`^CPU time \\[s\\]: user ${N} system ${N}`);
const ERRORS_1_RE = /^Errors: total (\d+) client-timo (\d+) socket-timo (\d+) connrefused (\d+) connreset (\d+)$/;
const ERRORS_2_RE = /^Errors: fd-unavail (\d+) addrunavail (\d+) ftab-full (\d+) other (\d+)$/;

function numbers(match: RegExpExecArray): number[] {
  return match.slice(1).map(Number);
}

/** Reads lines[start..end], a report scanReports found. */
export function readHttperfReport(lines: readonly SourceLine[], start: number, end: number): HttperfFigures {
  const found = new Map<RegExp, number[]>();
  let echoedArgs: string[] | null = null;
  let echoedByLoadlab = false;
  for (let index = start; index <= end; index++) {
    const text = lines[index]?.text.trim() ?? '';
    const echo = ECHO_RE.exec(text);
    if (echo) {
      echoedArgs = tokenize(echo[2] ?? '');
      echoedByLoadlab = echo[1] === 'loadlab httperf';
      continue;
    }
    for (const re of [BURST_RE, TOTAL_RE, CONN_RATE_RE, LIFETIME_RE, CONNECT_RE, LENGTH_RE, REQUEST_SIZE_RE, REPLY_RATE_RE, REPLY_TIME_RE, REPLY_SIZE_RE, STATUS_RE, CPU_RE, ERRORS_1_RE, ERRORS_2_RE]) {
      const match = re.exec(text);
      if (match) found.set(re, numbers(match));
    }
  }
  const lastNo = lines[end]?.no ?? null;
  const need = (re: RegExp, what: string): number[] => {
    const values = found.get(re);
    if (values === undefined) throw new ReportError(lastNo, `httperf report (from line ${lines[start]?.no ?? '?'}) ends here without its "${what}" line: truncated?`);
    return values;
  };
  const [connections = 0, requests = 0, replies = 0, durationS = 0] = need(TOTAL_RE, 'Total:');
  const [peakConcurrent = 0] = need(CONN_RATE_RE, 'Connection rate:');
  const [repliesPerConnection = 0] = need(LENGTH_RE, 'Connection length');
  const [rateMin = 0, rateAvg = 0, rateMax = 0, rateStddev = 0, samples = 0] = need(REPLY_RATE_RE, 'Reply rate');
  const [s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0] = need(STATUS_RE, 'Reply status:');
  const [total = 0, clientTimo = 0, socketTimo = 0, connRefused = 0, connReset = 0] = need(ERRORS_1_RE, 'Errors: total');
  const [fdUnavail = 0, addrUnavail = 0, ftabFull = 0, other = 0] = need(ERRORS_2_RE, 'Errors: fd-unavail');
  const lifetime = found.get(LIFETIME_RE);
  const replyTime = found.get(REPLY_TIME_RE);
  const replySize = found.get(REPLY_SIZE_RE);
  const cpu = found.get(CPU_RE);
  return {
    echoedArgs,
    echoedByLoadlab,
    maxConnectBurst: found.get(BURST_RE)?.[0] ?? null,
    connections,
    requests,
    replies,
    durationS,
    peakConcurrent,
    lifetimeMs: lifetime ? { min: lifetime[0] ?? 0, avg: lifetime[1] ?? 0, max: lifetime[2] ?? 0, median: lifetime[3] ?? 0, stddev: lifetime[4] ?? 0 } : null,
    connectMs: found.get(CONNECT_RE)?.[0] ?? null,
    repliesPerConnection,
    requestBytes: found.get(REQUEST_SIZE_RE)?.[0] ?? null,
    replyRate: { min: rateMin, avg: rateAvg, max: rateMax, stddev: rateStddev, samples },
    responseMs: replyTime?.[0] ?? null,
    transferMs: replyTime?.[1] ?? null,
    replyBytes: replySize ? { header: replySize[0] ?? 0, content: replySize[1] ?? 0, footer: replySize[2] ?? 0 } : null,
    statusClasses: { '1xx': s1, '2xx': s2, '3xx': s3, '4xx': s4, '5xx': s5 },
    cpuS: cpu ? { user: cpu[0] ?? 0, system: cpu[1] ?? 0 } : null,
    errors: { total, clientTimo, socketTimo, connRefused, connReset, fdUnavail, addrUnavail, ftabFull, other },
  };
}
