// Reports of https runs import with their scheme: wrk and wrk2 print the URL, httperf prints
// --ssl (and port 443), and Loadlab's own wrk2-layout report adds TLS lines the import skips.
import { describe, expect, it } from 'vitest';
import { importText } from './importText.ts';
import { readTestdata } from './testdataFiles.ts';

function onlyRun(text: string) {
  const { runs } = importText(text, { fileName: 'https.txt', importedAt: '2026-12-06T12:00:00.000Z' });
  expect(runs).toHaveLength(1);
  const [run] = runs;
  if (!run) throw new Error('no run');
  return run;
}

describe('https reports import with their scheme', () => {
  it('wrk: the https URL is the target', () => {
    const text = readTestdata('wrk-readme.txt').replaceAll('http://127.0.0.1:8080/index.html', 'https://127.0.0.1:8443/index.html');
    expect(onlyRun(text).target.url).toBe('https://127.0.0.1:8443/index.html');
  });

  it('wrk2: the https URL is the target', () => {
    const original = readTestdata('wrk2-readme-latency.txt');
    const url = /@ (\S+)/.exec(original)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\//);
    const text = original.replaceAll(url, url.replace('http://', 'https://'));
    expect(onlyRun(text).target.url).toBe(url.replace('http://', 'https://'));
  });

  it('Loadlab\'s wrk2 layout with its TLS lines', () => {
    const original = readTestdata('loadlab-bench-report.txt');
    const url = /@ (\S+)/.exec(original)?.[1] ?? '';
    const text = original
      .replaceAll(url, url.replace('http://', 'https://'))
      .replace(/^Requests\/sec:/m, '  TLS handshakes: 20 (0 resumed), TLSv1.3; handshake avg 1.20ms, p99 3.10ms, max 4.00ms\nRequests/sec:');
    const run = onlyRun(text);
    expect(run.target.url).toBe(url.replace('http://', 'https://'));
    expect(run.summary.requests).toBe(onlyRun(original).summary.requests);
  });

  it('httperf --ssl: an https URL', () => {
    const text = [
      'httperf --hog --timeout=5 --client=0/1 --server=example.test --port=443 --uri=/ --rate=10 --send-buffer=4096 --recv-buffer=16384 --ssl --num-conns=100 --num-calls=1',
      'Maximum connect burst length: 1',
      '',
      'Total: connections 100 requests 100 replies 100 test-duration 9.902 s',
      '',
      'Connection rate: 10.1 conn/s (99.0 ms/conn, <=1 concurrent connections)',
      'Connection time [ms]: min 3.1 avg 3.9 max 9.8 median 3.5 stddev 1.0',
      'Connection time [ms]: connect 0.2',
      'Connection length [replies/conn]: 1.000',
      '',
      'Request rate: 10.1 req/s (99.0 ms/req)',
      'Request size [B]: 62.0',
      '',
      'Reply rate [replies/s]: min 10.0 avg 10.0 max 10.0 stddev 0.0 (1 samples)',
      'Reply time [ms]: response 1.1 transfer 0.0',
      'Reply size [B]: header 240.0 content 612.0 footer 0.0 (total 852.0)',
      'Reply status: 1xx=0 2xx=100 3xx=0 4xx=0 5xx=0',
      '',
      'CPU time [s]: user 2.31 system 7.57 (user 23.3% system 76.5% total 99.8%)',
      'Net I/O: 8.9 KB/s (0.1*10^6 bps)',
      '',
      'Errors: total 0 client-timo 0 socket-timo 0 connrefused 0 connreset 0',
      'Errors: fd-unavail 0 addrunavail 0 ftab-full 0 other 0',
      '',
    ].join('\n');
    expect(onlyRun(text).target.url).toBe('https://example.test:443/');
  });
});
