// TCP sockets from Linux's /proc: /proc/<pid>/net/tcp{,6} (the process's network namespace)
// give every socket's state, queues and inode; /proc/<pid>/fd links ("socket:[inode]") say
// which process owns which socket. For a LISTEN socket rx_queue is the accept queue now
// (sk_ack_backlog); its maximum (the backlog listen() got) is not there: `ss -lnt` reads it over
// netlink (inet_diag), and we ask `ss` once per new listening socket (see listenBacklogs).
import { execFile } from 'node:child_process';
import { readdir, readFile, readlink } from 'node:fs/promises';

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

/** Parses the text of /proc/net/tcp or /proc/net/tcp6. */
export function parseProcNetTcp(text: string): TcpSocket[] {
  const sockets: TcpSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
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

/** Every TCP socket in the network namespace of `pid` (or of this process). */
export async function readTcpSockets(pid: number | 'self' = 'self'): Promise<TcpSocket[]> {
  const texts = await Promise.all(['tcp', 'tcp6'].map((file) => readFile(`/proc/${pid}/net/${file}`, 'utf8').catch(() => '')));
  return texts.flatMap(parseProcNetTcp);
}

/** A process's open file descriptors: how many, and the inodes of its sockets. Null when it is gone or not ours to read. */
export async function readFds(pid: number): Promise<{ count: number; socketInodes: number[] } | null> {
  let names: string[];
  try {
    names = await readdir(`/proc/${pid}/fd`);
  } catch {
    return null;
  }
  const links = await Promise.all(names.map((name) => readlink(`/proc/${pid}/fd/${name}`).catch(() => '')));
  const socketInodes: number[] = [];
  for (const link of links) {
    const match = /^socket:\[(\d+)\]$/.exec(link);
    if (match) socketInodes.push(Number(match[1]));
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

/** `ss -lntHe` lines → listening socket inode → its maximum accept queue (Send-Q). */
export function parseSsListeners(text: string): Map<number, number> {
  const backlogs = new Map<number, number>();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const inode = /\bino:(\d+)/.exec(line);
    if (fields[0] !== 'LISTEN' || inode === null) continue;
    backlogs.set(Number(inode[1]), Number(fields[2]));
  }
  return backlogs;
}

/** Maximum accept queue of every listening TCP socket, by inode; null when `ss` (iproute2) is missing or failed. */
export function listenBacklogs(): Promise<Map<number, number> | null> {
  return new Promise((resolve) => {
    execFile('ss', ['-lntHe'], { timeout: 5000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? null : parseSsListeners(stdout)));
  });
}
