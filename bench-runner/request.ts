// Builds the bytes of the one request every connection sends (wrk sends one fixed request too).
import type { BenchConfig, TargetAddress } from './config.ts';

export function buildRequestBytes(config: BenchConfig, target: TargetAddress): Buffer {
  const names = new Set(config.headers.map(([name]) => name.toLowerCase()));
  const lines = [`${config.method} ${target.path} HTTP/1.1`];
  if (!names.has('host')) lines.push(`Host: ${target.hostHeader}`);
  for (const [name, value] of config.headers) lines.push(`${name}: ${value}`);
  const bodyBytes = config.body?.length ?? 0;
  if (!names.has('content-length') && (bodyBytes > 0 || methodExpectsBody(config.method))) {
    lines.push(`Content-Length: ${bodyBytes}`);
  }
  if (!config.keepAlive && !names.has('connection')) lines.push('Connection: close');
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return config.body && bodyBytes > 0 ? Buffer.concat([head, config.body]) : head;
}

function methodExpectsBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}
