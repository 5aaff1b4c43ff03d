// For tests that check that nothing is left listening.
import { connect } from 'node:net';

/** True when a TCP connection to 127.0.0.1:port is refused. */
export function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
