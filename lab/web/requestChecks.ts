// Which requests the web host answers. Pure functions of the request's headers and the bound
// address, so each rule is tested without a socket.
//
// - Host must name the address we are bound to (or localhost when that is loopback) with our
//   port: a page on a domain an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own
//   domain as Host and is refused. On a wildcard bind any IP literal is accepted (no DNS, so no
//   rebinding), never a name other than localhost.
// - The WebSocket upgrade must also come from the page we serve (Origin equals http://<Host>)
//   and carry the token; browsers cannot forge Origin, and only the person who started
//   `loadlab web` has the token.
import { isIP } from 'node:net';
import { tokenMatches } from './token.ts';

export interface BoundAddress {
  /** As server.address() reports it: '127.0.0.1', '::1', '0.0.0.0', '::', … */
  address: string;
  port: number;
}

export interface Refusal {
  status: 400 | 401 | 403 | 404;
  reason: string;
}

/** The path the lab API is served on. */
export const API_PATH = '/api';

export function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1' || address.toLowerCase() === '::ffff:127.0.0.1';
}

function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/** "name:port" or "[v6]:port"; port 80 may be left out, as browsers do. */
function splitHost(host: string): { name: string; port: number } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  if (match === null || match[1] === undefined) return null;
  const name = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
  return { name, port: match[2] === undefined ? 80 : Number(match[2]) };
}

/** Null when the Host header names this server; otherwise why not. */
export function hostRefusal(host: string | undefined, bound: BoundAddress): Refusal | null {
  if (host === undefined || host === '') return { status: 400, reason: 'the request has no Host header' };
  const parsed = splitHost(host);
  const refused: Refusal = { status: 403, reason: `Host "${host}" is not this server (DNS rebinding protection); use ${hostForUrl(bound)}` };
  if (parsed === null || parsed.port !== bound.port) return refused;
  if (parsed.name === bound.address.toLowerCase()) return null;
  if (parsed.name === 'localhost' && (isLoopback(bound.address) || isWildcard(bound.address))) return null;
  if (isWildcard(bound.address) && isIP(parsed.name) !== 0) return null;
  return refused;
}

/** Null when the upgrade to the lab API may go ahead; the Host header is checked already. */
export function upgradeRefusal(url: string | undefined, headers: { host?: string | undefined; origin?: string | undefined }, token: string): Refusal | null {
  const parsed = URL.canParse(url ?? '', 'http://host') ? new URL(url ?? '', 'http://host') : null;
  if (parsed === null || parsed.pathname !== API_PATH) return { status: 404, reason: `the lab API is at ${API_PATH}` };
  const served = `http://${(headers.host ?? '').toLowerCase()}`;
  if (headers.origin === undefined) return { status: 403, reason: `no Origin header; the lab API answers only the page at ${served}` };
  if (headers.origin.toLowerCase() !== served) return { status: 403, reason: `Origin ${headers.origin} is not ${served}` };
  const given = parsed.searchParams.get('token');
  if (given === null || given === '') return { status: 401, reason: 'no token: open the URL `loadlab web` printed, with its ?token=…' };
  if (!tokenMatches(token, given)) return { status: 401, reason: 'wrong token: open the URL the running `loadlab web` printed' };
  return null;
}

/** "127.0.0.1:8080", "[::1]:8080"; a wildcard bind is shown as the loopback address to open. */
export function hostForUrl(bound: BoundAddress): string {
  const address = bound.address === '0.0.0.0' ? '127.0.0.1' : bound.address === '::' ? '::1' : bound.address;
  return `${isIP(address) === 6 ? `[${address}]` : address}:${bound.port}`;
}
