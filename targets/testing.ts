// Helpers for the tests of targets/ and cli/server*: a free port, the test servers' paths.
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** A port that was free a moment ago (the servers under test cannot report port 0 back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function testServer(name: 'crashAfter.mjs' | 'ignoresTerm.mjs' | 'neverReady.mjs' | 'slowAccept.py'): string {
  return fileURLToPath(new URL(`./testServers/${name}`, import.meta.url));
}
