// startServer(): a bad config is refused before any thread starts; a port in use is reported
// with the address and the reason; a good config listens where the system says.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ServerConfigError, type ServerConfigInput } from '../config.ts';
import { startServer } from '../server.ts';
import { request } from './clients.ts';

describe('startServer', () => {
  it('rejects a bad config with every problem listed', async () => {
    const untrusted: unknown = { model: 'forking', workers: 0 };
    const started = startServer(untrusted as ServerConfigInput);
    await expect(started).rejects.toBeInstanceOf(ServerConfigError);
    await expect(started).rejects.toThrow(/model: .*; workers: Too small/);
  });

  it('rejects a port in use, saying which and why', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    try {
      await expect(startServer({ model: 'pool-shared', workers: 2, port: address.port })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${address.port}: EADDRINUSE (the port is in use)`,
      );
    } finally {
      taken.close();
    }
  });

  it('listens on the port the system picks for port 0, and on IPv6 loopback', async () => {
    for (const host of ['127.0.0.1', '::1']) {
      const server = await startServer({ host, port: 0 });
      try {
        expect(server.address.host).toBe(host);
        expect(server.address.port).toBeGreaterThan(0);
        if (host === '127.0.0.1') expect((await request(server.address.port, '/')).status).toBe(200);
      } finally {
        await server.stop();
      }
    }
  });
});
