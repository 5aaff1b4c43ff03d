// httperf's --server is a host name or address, nothing else: the port comes from --port and
// the path from --uri. "127.0.0.1:19400/x" used to become http://[127.0.0.1:19400/x]:1/ and
// silently load port 19400, path /x:1/.
import { isIPv4, isIPv6 } from 'node:net';
import { UsageError } from './numbers.ts';

const HOST_NAME = /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;

/** The host as it goes into a URL ("::1" → "[::1]"); a UsageError naming the flag to use instead for anything else. */
export function urlHostFromServerFlag(text: string): string {
  const server = text.trim();
  const bare = server.startsWith('[') && server.endsWith(']') ? server.slice(1, -1) : server;
  if (isIPv6(bare)) return `[${bare}]`;
  if (isIPv4(server) || (HOST_NAME.test(server) && server.length <= 253)) return server;
  const hints: string[] = [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(server)) hints.push('no scheme');
  else {
    if (/^(\[[^\]]*\]|[^/:?#]*):\d*(?=$|[/?#])/.test(server)) hints.push('give the port with --port');
    if (/[/?#]/.test(server)) hints.push('the path with --uri');
  }
  const hint = hints.length > 0 ? `: ${hints.join(', ')}` : '';
  throw new UsageError(`--server takes a host name or IP address only, got "${text}"${hint}`);
}
