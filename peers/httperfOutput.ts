// Reads httperf's report (stat/basic.c of httperf 0.9), as Debian's httperf and `loadlab httperf`
// print it, into typed figures for the peer test and the benchmark.

export interface HttperfStats {
  min: number;
  avg: number;
  max: number;
  stddev: number;
}

export interface HttperfFigures {
  maxConnectBurst: number;
  connections: number;
  requests: number;
  replies: number;
  testDurationS: number;
  /** "Connection rate: X conn/s": connections over the test duration. */
  connRatePerSec: number;
  msPerConn: number;
  maxConcurrent: number;
  /** Connection lifetime, ms. */
  connectionTimeMs: HttperfStats & { median: number };
  /** "Connection time [ms]: connect X": mean connect time, ms. httperf's ends when its TLS handshake does (--ssl). */
  connectMs: number;
  /** loadlab's "Connection time [ms]: TLS handshake X (N handshakes, M resumed)" over https; null in httperf's report (it has no such line). */
  tlsHandshake: { meanMs: number; handshakes: number; resumed: number } | null;
  repliesPerConn: number;
  requestRatePerSec: number;
  requestSizeB: number;
  replyRate: HttperfStats & { samples: number };
  replyTimeMs: { response: number; transfer: number };
  replySizeB: { header: number; content: number; footer: number; total: number };
  /** Replies per status class: index 0 is 1xx … index 4 is 5xx. */
  replyStatus: [number, number, number, number, number];
  cpuUserS: number;
  cpuSystemS: number;
  netKBPerSec: number;
  errors: {
    total: number;
    clientTimo: number;
    socketTimo: number;
    connRefused: number;
    connReset: number;
    fdUnavail: number;
    addrUnavail: number;
    ftabFull: number;
    other: number;
  };
}

const NUM = '(-?[\\d.]+|-?nan|-?inf)';

function numbers(text: string, pattern: string, what: string): number[] {
  const match = new RegExp(pattern, 'm').exec(text);
  if (!match) throw new Error(`not an httperf report (no ${what} line):\n${text}`);
  return match.slice(1).map(Number);
}

export function parseHttperfOutput(text: string): HttperfFigures {
  const [burst = 0] = numbers(text, `^Maximum connect burst length: ${NUM}$`, 'burst');
  const [connections = 0, requests = 0, replies = 0, durationS = 0] = numbers(text, `^Total: connections ${NUM} requests ${NUM} replies ${NUM} test-duration ${NUM} s$`, 'Total');
  const [connRate = 0, msPerConn = 0, concurrent = 0] = numbers(text, `^Connection rate: ${NUM} conn/s \\(${NUM} ms/conn, <=${NUM} concurrent connections\\)$`, 'Connection rate');
  const [ctMin = 0, ctAvg = 0, ctMax = 0, ctMedian = 0, ctStddev = 0] = numbers(
    text,
    `^Connection time \\[ms\\]: min ${NUM} avg ${NUM} max ${NUM} median ${NUM} stddev ${NUM}$`,
    'Connection time',
  );
  const [connectMs = 0] = numbers(text, `^Connection time \\[ms\\]: connect ${NUM}$`, 'connect time');
  const handshake = new RegExp(`^Connection time \\[ms\\]: TLS handshake ${NUM} \\(${NUM} handshakes, ${NUM} resumed\\)$`, 'm').exec(text);
  const [repliesPerConn = 0] = numbers(text, `^Connection length \\[replies/conn\\]: ${NUM}$`, 'Connection length');
  const [requestRate = 0] = numbers(text, `^Request rate: ${NUM} req/s`, 'Request rate');
  const [requestSize = 0] = numbers(text, `^Request size \\[B\\]: ${NUM}$`, 'Request size');
  const [rrMin = 0, rrAvg = 0, rrMax = 0, rrStddev = 0, rrSamples = 0] = numbers(
    text,
    `^Reply rate \\[replies/s\\]: min ${NUM} avg ${NUM} max ${NUM} stddev ${NUM} \\(${NUM} samples\\)$`,
    'Reply rate',
  );
  const [response = 0, transfer = 0] = numbers(text, `^Reply time \\[ms\\]: response ${NUM} transfer ${NUM}$`, 'Reply time');
  const [header = 0, content = 0, footer = 0, total = 0] = numbers(text, `^Reply size \\[B\\]: header ${NUM} content ${NUM} footer ${NUM} \\(total ${NUM}\\)$`, 'Reply size');
  const [s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0] = numbers(text, `^Reply status: 1xx=${NUM} 2xx=${NUM} 3xx=${NUM} 4xx=${NUM} 5xx=${NUM}$`, 'Reply status');
  const [userS = 0, systemS = 0] = numbers(text, `^CPU time \\[s\\]: user ${NUM} system ${NUM} `, 'CPU time');
  const [netKB = 0] = numbers(text, `^Net I/O: ${NUM} KB/s`, 'Net I/O');
  const [eTotal = 0, clientTimo = 0, socketTimo = 0, refused = 0, reset = 0] = numbers(
    text,
    `^Errors: total ${NUM} client-timo ${NUM} socket-timo ${NUM} connrefused ${NUM} connreset ${NUM}$`,
    'Errors',
  );
  const [fd = 0, addr = 0, ftab = 0, other = 0] = numbers(text, `^Errors: fd-unavail ${NUM} addrunavail ${NUM} ftab-full ${NUM} other ${NUM}`, 'second Errors');
  return {
    maxConnectBurst: burst,
    connections,
    requests,
    replies,
    testDurationS: durationS,
    connRatePerSec: connRate,
    msPerConn,
    maxConcurrent: concurrent,
    connectionTimeMs: { min: ctMin, avg: ctAvg, max: ctMax, median: ctMedian, stddev: ctStddev },
    connectMs,
    tlsHandshake: handshake ? { meanMs: Number(handshake[1]), handshakes: Number(handshake[2]), resumed: Number(handshake[3]) } : null,
    repliesPerConn,
    requestRatePerSec: requestRate,
    requestSizeB: requestSize,
    replyRate: { min: rrMin, avg: rrAvg, max: rrMax, stddev: rrStddev, samples: rrSamples },
    replyTimeMs: { response, transfer },
    replySizeB: { header, content, footer, total },
    replyStatus: [s1, s2, s3, s4, s5],
    cpuUserS: userS,
    cpuSystemS: systemS,
    netKBPerSec: netKB,
    errors: { total: eTotal, clientTimo, socketTimo, connRefused: refused, connReset: reset, fdUnavail: fd, addrUnavail: addr, ftabFull: ftab, other },
  };
}
