// The sampler's socket figures between full scans come from /proc, and `ss` is asked about a
// listening socket once: the sampling cost at a 1 s interval was mostly spawning `ss` each sample.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listenBacklogs } from './procNet.ts';
import { ProcTreeSampler, threadCpuClock } from './processSampler.ts';

describe.runIf(process.platform === 'linux')('ProcTreeSampler', () => {
  const servers: net.Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it('asks `ss` for the backlog once, and reads the listener and its connections from /proc', async () => {
    let accepted = 0;
    const server = net.createServer(() => accepted++);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 7 }, resolve));
    const port = (server.address() as net.AddressInfo).port;
    let asked = 0;
    const backlogsOf = (ports: readonly number[]): ReturnType<typeof listenBacklogs> => {
      asked++;
      return listenBacklogs(ports);
    };
    const sampler = new ProcTreeSampler(process.pid, { backlogsOf, walkBudget: Infinity });
    expect(await sampler.sample(0)).toBeNull(); // the baseline: a full scan
    const clients = await Promise.all(
      Array.from({ length: 3 }, () => new Promise<net.Socket>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      })),
    );
    // Accepted by this process (the sampler reads synchronously: until then they wait in the queue).
    await expect.poll(() => accepted).toBe(3);
    try {
      const points = [await sampler.sample(0), await sampler.sample(0), await sampler.sample(0)];
      expect(asked).toBe(1);
      for (const point of points) {
        // This process holds both ends; ESTABLISHED counts only the server's ends (local port = the listener's).
        expect(point?.listeners).toEqual([{ address: `127.0.0.1:${port}`, queued: 0, max: 7 }]);
        expect(point?.tcpByState?.LISTEN).toBe(1);
        expect(point?.tcpByState?.ESTABLISHED).toBe(3);
      }
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it('keeps the maximum null when `ss` cannot say', async () => {
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 7 }, resolve));
    const port = (server.address() as net.AddressInfo).port;
    const sampler = new ProcTreeSampler(process.pid, { backlogsOf: () => Promise.resolve(null) });
    await sampler.sample(0);
    const point = await sampler.sample(0);
    expect(point?.listeners).toContainEqual({ address: `127.0.0.1:${port}`, queued: 0, max: null });
  });

  it('walks the socket table only when the last walk fits in the budget; in between tcpByState is unknown', async () => {
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
    // Each read of a clock advances it one step: a walk (timed by two CPU clock reads) costs one
    // ms, and each due check is one ms of wall time later. With a budget of 1/4, the walk is due
    // again once 4 ms have passed since it ended. The baseline does not walk (it makes no point);
    // the first point does, the next three skip it, the fifth walks again.
    let wallMs = 0;
    let cpuMs = 0;
    const sampler = new ProcTreeSampler(process.pid, { clockMs: () => ++wallMs, cpuMs: () => ++cpuMs, walkBudget: 0.25 });
    expect(await sampler.sample(0)).toBeNull();
    const states: Array<Record<string, number> | null> = [];
    for (let i = 0; i < 5; i++) {
      const point = await sampler.sample(0);
      if (point === null) throw new Error('no point: the process is gone?');
      states.push(point.tcpByState);
    }
    expect(states[0]).toMatchObject({ LISTEN: 1 });
    expect(states.slice(1, 4)).toEqual([null, null, null]);
    expect(states[4]).toMatchObject({ LISTEN: 1 });
  });

  it("reads this thread's CPU time", () => {
    const clock = threadCpuClock();
    expect(clock).not.toBeNull();
    const before = clock?.() ?? 0;
    let spin = 0;
    for (let i = 0; i < 5e6; i++) spin += i % 7;
    expect(spin).toBeGreaterThan(0);
    // 5 million loop turns take at least a few ms of CPU anywhere; the clock only has to move.
    expect((clock?.() ?? 0) - before).toBeGreaterThan(0);
  });
});
