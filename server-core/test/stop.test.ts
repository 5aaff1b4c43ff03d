// stop(graceMs): no new connections, the requests in flight answered within the grace period
// (each response closing its connection), idle connections closed at once, the rest cut off.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer, type ServerStatus } from '../server.ts';
import { nextSample, RawConnection } from './clients.ts';

const get = (path: string): string => `GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`;

function connectError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe.each([
  ['event-loop', '/sleep-async?ms=600'],
  ['pool-shared', '/sleep?ms=600'],
] as const)('graceful stop of %s', (model, slowPath) => {
  it('answers the requests in flight, closes idle connections first, refuses new ones', async () => {
    const server = await startServer({ model, workers: 4, port: 0, intervalMs: 100 });
    const port = server.address.port;
    const statuses: ServerStatus['state'][] = [];
    server.on('status', (status) => statuses.push(status.state));
    const events: string[] = [];

    const idle = await RawConnection.open(port);
    idle.write(get('/'));
    expect((await idle.nextResponse()).status).toBe(200);
    void idle.closed.then(() => events.push('idle closed'));

    const busy = await Promise.all([0, 1, 2].map(() => RawConnection.open(port)));
    for (const connection of busy) connection.write(get(slowPath));
    await nextSample(server, (sample) => sample.requests.inFlight === 3);

    const stopped = server.stop(5000);
    expect(server.stop(5000)).toBe(stopped);
    const responses = await Promise.all(
      busy.map(async (connection) => {
        const response = await connection.nextResponse();
        events.push('in-flight answered');
        await connection.closed;
        return [response.status, response.headers.connection];
      }),
    );
    expect(await connectError(port)).toBe('ECONNREFUSED');
    const report = await stopped;

    expect(responses).toEqual([
      [200, 'close'],
      [200, 'close'],
      [200, 'close'],
    ]);
    expect(events[0]).toBe('idle closed');
    expect(report).toEqual({ inFlightAtStop: 3, drained: 3, abandoned: 0, servedTotal: 4 });
    expect(statuses).toEqual(['stopping', 'stopped']);
  });
});

describe('a stop whose grace period ends first', () => {
  it('cuts off what is still in flight and says so', async () => {
    const server = await startServer({ model: 'event-loop', port: 0, intervalMs: 100 });
    const connection = await RawConnection.open(server.address.port);
    connection.write(get('/sleep-async?ms=5000'));
    await nextSample(server, (sample) => sample.requests.inFlight === 1);

    const report = await server.stop(300);
    await connection.closed;

    expect(report).toEqual({ inFlightAtStop: 1, drained: 0, abandoned: 1, servedTotal: 0 });
    await expect(connection.nextResponse()).rejects.toThrow(/closed before a complete response/);
  });
});

describe('single', () => {
  it('closes the connections still waiting for their turn and answers the one in service', async () => {
    const server = await startServer({ model: 'single', port: 0, intervalMs: 100 });
    const port = server.address.port;
    const active = await RawConnection.open(port);
    active.write(get('/sleep-async?ms=400'));
    await nextSample(server, (sample) => sample.requests.inFlight === 1);
    const waiting = await RawConnection.open(port);
    waiting.write(get('/'));
    await nextSample(server, (sample) => sample.connections.waiting === 1);

    const report = await server.stop(3000);
    await Promise.all([active.closed, waiting.closed]);
    expect((await active.nextResponse()).status).toBe(200);
    await expect(waiting.nextResponse()).rejects.toThrow(/closed before a complete response/);
    expect(report).toEqual({ inFlightAtStop: 1, drained: 1, abandoned: 0, servedTotal: 1 });
  });
});
