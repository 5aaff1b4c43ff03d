// TCP sockets from Linux's /proc: /proc/<pid>/net/tcp{,6} (the process's network namespace)
// give every socket's state, queues and inode; /proc/<pid>/fd links ("socket:[inode]") say
// which process owns which socket. For a LISTEN socket rx_queue is the accept queue now
// (sk_ack_backlog); its maximum (the backlog listen() got, sk_max_ack_backlog) is not there:
// `ss -lnt` reads it over netlink (inet_diag). It changes only when the server calls listen()
// again (a new or re-listened socket), so the sampler asks `ss` once per listening socket it has
// not seen (see listenBacklogs) and reads everything else from /proc.
import { execFile } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';

/** Socket states as numbered in include/net/tcp_states.h. */
const TCP_STATES: Record<number, string> = {
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECV',
  4: 'FIN_WAIT1',
  5: 'FIN_WAIT2',
  6: 'TIME_WAIT',
  7: 'CLOSE',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  12: 'NEW_SYN_RECV',
};

export interface TcpSocket {
  /** `127.0.0.1:8080`, `[::1]:8080`. */
  local: string;
  localPort: number;
  state: string;
  txQueue: number;
  rxQueue: number;
  /** 0 for sockets no process holds any more (TIME_WAIT). */
  inode: number;
}

function ipv4(hex: string): string {
  // Little-endian 32-bit word as the kernel prints it.
  const bytes = [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return bytes.join('.');
}

function ipv6(hex: string): string {
  // Four little-endian 32-bit words.
  const groups: string[] = [];
  for (let word = 0; word < 4; word++) {
    const w = hex.slice(word * 8, word * 8 + 8);
    const bytes = [6, 4, 2, 0].map((at) => w.slice(at, at + 2)).join('');
    groups.push(bytes.slice(0, 4), bytes.slice(4, 8));
  }
  const text = groups.map((group) => parseInt(group, 16).toString(16)).join(':');
  return `[${text.replace(/(^|:)0(:0)+(:|$)/, '::')}]`;
}

/**
 * Parses the text of /proc/net/tcp or /proc/net/tcp6; with `keepPort`, only the sockets whose
 * local port it accepts (the others are skipped before the rest of their line is read: a loaded
 * machine has thousands of lines and a sampler wants a few ports).
 */
export function parseProcNetTcp(text: string, keepPort: (port: number) => boolean = () => true): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  let at = text.indexOf('\n') + 1; // past the header
  while (at > 0 && at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    at = end === -1 ? text.length : end + 1;
    // "  sl: ADDRESS:PORT ...": the local port is the 4 hex digits after the second colon.
    const colon = line.indexOf(':', line.indexOf(':') + 1);
    if (colon === -1 || !keepPort(parseInt(line.slice(colon + 1, colon + 5), 16))) continue;
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [address = '', portHex = ''] = (fields[1] ?? '').split(':');
    const [tx = '0', rx = '0'] = (fields[4] ?? '').split(':');
    const localPort = parseInt(portHex, 16);
    const host = address.length === 8 ? ipv4(address) : ipv6(address);
    sockets.push({
      local: `${host}:${localPort}`,
      localPort,
      state: TCP_STATES[parseInt(fields[3] ?? '', 16)] ?? `state ${fields[3] ?? '?'}`,
      txQueue: parseInt(tx, 16),
      rxQueue: parseInt(rx, 16),
      inode: Number(fields[9]),
    });
  }
  return sockets;
}

// Reads of /proc are synchronous on purpose: they never wait for a disk, and a promise per file
// (hundreds of fd links per sample) cost several times the read itself (bench/processSampling.ts).

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export type TcpFamily = 'tcp' | 'tcp6';

/** The /proc/net file that lists a socket bound to `address` (`127.0.0.1:80` or `[::]:80`). */
export function familyOf(address: string): TcpFamily {
  return address.startsWith('[') ? 'tcp6' : 'tcp';
}

/**
 * Every TCP socket in the network namespace of `pid` (or of this process); with `ports`, only
 * those whose local port is one of them; `families` names the files read. Each file costs a walk
 * of the kernel's whole established hash (262,144 buckets on a 24 GB machine: about 5 ms of
 * system time, however few sockets there are), so a caller reads only the families it needs.
 */
export function readTcpSocketsSync(pid: number | 'self' = 'self', ports: ReadonlySet<number> | null = null, families: readonly TcpFamily[] = ['tcp', 'tcp6']): TcpSocket[] {
  const keep = ports === null ? undefined : (port: number): boolean => ports.has(port);
  return families.flatMap((file) => parseProcNetTcp(readOrEmpty(`/proc/${pid}/net/${file}`), keep));
}

export async function readTcpSockets(pid: number | 'self' = 'self'): Promise<TcpSocket[]> {
  return readTcpSocketsSync(pid);
}

const LISTEN_HEX = '0A';
const CHUNK_BYTES = 4096;

/**
 * The listening sockets of the namespace of `pid` in `families`, read cheaply: the kernel lists
 * /proc/net/tcp's listening hash before its established hash, so reading stops at the first
 * line of another state (a few KiB instead of the whole table; the full table costs a walk of
 * every hash bucket and a line per socket of the namespace). A family with no socket after its
 * listeners still costs one walk to find that out (tcp6 on a machine without IPv6 connections).
 */
export function readListeningSockets(pid: number | 'self', families: readonly TcpFamily[]): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  const buffer = Buffer.alloc(CHUNK_BYTES);
  for (const family of families) {
    let fd: number;
    try {
      fd = openSync(`/proc/${pid}/net/${family}`, 'r');
    } catch {
      continue;
    }
    let text = '';
    try {
      for (;;) {
        const bytes = readSync(fd, buffer, 0, CHUNK_BYTES, null);
        if (bytes === 0) break;
        text += buffer.toString('latin1', 0, bytes);
        const complete = text.slice(0, text.lastIndexOf('\n') + 1);
        if (complete.split('\n').slice(1).some((line) => line.trim() !== '' && line.trim().split(/\s+/)[3] !== LISTEN_HEX)) break;
      }
    } finally {
      closeSync(fd);
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    sockets.push(...parseProcNetTcp(complete).filter((socket) => socket.state === 'LISTEN'));
  }
  return sockets;
}

/** A process's open file descriptors: how many, and the inodes of its sockets. Null when it is gone or not ours to read. */
export async function readFds(pid: number): Promise<{ count: number; socketInodes: number[] } | null> {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const socketInodes: number[] = [];
  for (const name of names) {
    let link: string;
    try {
      link = readlinkSync(`/proc/${pid}/fd/${name}`);
    } catch {
      continue; // closed meanwhile
    }
    if (link.startsWith('socket:[')) socketInodes.push(Number(link.slice(8, -1)));
  }
  return { count: names.length, socketInodes };
}

export async function processCommand(pid: number): Promise<string | null> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    const command = raw.split('\0').filter((part) => part !== '').join(' ');
    return command === '' ? null : command;
  } catch {
    return null;
  }
}

export interface PortHolder {
  pid: number;
  /** Its command line; null when it could not be read. */
  command: string | null;
}

/**
 * Who listens on TCP `port` (any address). `holders` is empty when the socket is there but no
 * process we may look into owns it (another user's, another namespace's). Null when nobody listens.
 */
export async function findPortListener(port: number): Promise<{ socket: TcpSocket; holders: PortHolder[] } | null> {
  const listening = (await readTcpSockets()).filter((socket) => socket.state === 'LISTEN' && socket.localPort === port);
  if (listening.length === 0) return null;
  const inodes = new Set(listening.map((socket) => socket.inode));
  const holders: PortHolder[] = [];
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  for (const pid of pids) {
    const fds = await readFds(pid);
    if (fds === null || !fds.socketInodes.some((inode) => inodes.has(inode))) continue;
    holders.push({ pid, command: await processCommand(pid) });
  }
  const socket = listening[0] as TcpSocket;
  return { socket, holders };
}

/** "port 8000 is already taken by PID 123 (python3 -m http.server 8000)". */
export function describePortTaken(port: number, holders: readonly PortHolder[]): string {
  if (holders.length === 0) return `port ${port} is already taken by a process this user cannot see (another user's, or another namespace's)`;
  const who = holders.map((holder) => `PID ${holder.pid} (${holder.command ?? 'command unknown'})`).join(', ');
  return `port ${port} is already taken by ${who}`;
}

/** `ss` state names → the names of /proc/net/tcp (include/net/tcp_states.h). */
const SS_STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  UNCONN: 'CLOSE',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

export interface PortSockets {
  tcpByState: Record<string, number>;
  /** Listening sockets by inode: address, accept queue now (Recv-Q) and its maximum (Send-Q). */
  listening: Map<number, { address: string; queued: number; max: number }>;
}

/** Parses `ss -tanHe` lines. */
export function parseSsSockets(text: string): PortSockets {
  const tcpByState: Record<string, number> = {};
  const listening: PortSockets['listening'] = new Map();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const state = SS_STATES[fields[0] ?? ''] ?? fields[0] ?? '?';
    tcpByState[state] = (tcpByState[state] ?? 0) + 1;
    const inode = /\bino:(\d+)/.exec(line);
    if (state === 'LISTEN' && inode !== null) listening.set(Number(inode[1]), { address: fields[3] ?? '', queued: Number(fields[1]), max: Number(fields[2]) });
  }
  return { tcpByState, listening };
}

/**
 * The maximum accept queue (the backlog listen() got: `ss -lnt`'s Send-Q) of the sockets listening
 * on `ports`, by inode, through `ss` filtered in the kernel (netlink inet_diag). Null when `ss`
 * failed. `ss` reads the namespace it runs in: a server in another one (a container) is not covered.
 */
export function listenBacklogs(ports: readonly number[]): Promise<Map<number, number> | null> {
  if (ports.length === 0) return Promise.resolve(new Map());
  const filter = `( ${ports.map((port) => `sport = :${port}`).join(' or ')} )`;
  return new Promise((resolve) => {
    execFile('ss', ['-ltnHe', filter], { timeout: 5000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) resolve(null);
      else resolve(new Map([...parseSsSockets(stdout).listening].map(([inode, socket]) => [inode, socket.max])));
    });
  });
}
