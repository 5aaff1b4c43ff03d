import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { describePortTaken, findPortListener, parseProcNetTcp, parseSsSockets } from './procNet.ts';

const linux = process.platform === 'linux';

describe('parseProcNetTcp', () => {
  it('reads addresses, states, queues and inodes (IPv4 and IPv6)', () => {
    const v4 = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0
   1: 0100007F:1F90 0100007F:C350 01 00000010:00000000 00:00000000 00000000     0        0 4243 1 0 20 4 30 10 -1
`;
    expect(parseProcNetTcp(v4)).toEqual([
      { local: '127.0.0.1:8080', localPort: 8080, state: 'LISTEN', txQueue: 0, rxQueue: 3, inode: 4242 },
      { local: '127.0.0.1:8080', localPort: 8080, state: 'ESTABLISHED', txQueue: 16, rxQueue: 0, inode: 4243 },
    ]);
    const v6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0 100 0 0 10 0
`;
    expect(parseProcNetTcp(v6)[0]).toMatchObject({ local: '[::1]:8080', state: 'LISTEN', inode: 99 });
  });
});

it('parseSsSockets counts states and reads listeners (Recv-Q now, Send-Q max)', () => {
  const text = 'LISTEN     5      511    127.0.0.1:8080  0.0.0.0:* ino:150194 sk:2 cgroup:/ <->\nESTAB      0      0      127.0.0.1:8080  127.0.0.1:50000 ino:77 sk:3 cgroup:/ <->\nTIME-WAIT  0      0      127.0.0.1:8080  127.0.0.1:50001 timer:(timewait,59sec,0) ino:0 sk:4\n';
  const sockets = parseSsSockets(text);
  expect(sockets.tcpByState).toEqual({ LISTEN: 1, ESTABLISHED: 1, TIME_WAIT: 1 });
  expect([...sockets.listening]).toEqual([[150194, { address: '127.0.0.1:8080', queued: 5, max: 511 }]]);
});

describe.runIf(linux)('findPortListener', () => {
  it('names the process holding a port (this one)', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const found = await findPortListener(port);
      expect(found?.holders.map((holder) => holder.pid)).toContain(process.pid);
      expect(describePortTaken(port, found?.holders ?? [])).toMatch(new RegExp(`port ${port} is already taken by PID ${process.pid} \\(.*node`));
    } finally {
      server.close();
    }
    expect(await findPortListener(port)).toBeNull();
  });
});
