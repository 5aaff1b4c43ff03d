import { expect, test } from 'vitest';
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';
import { processTiles } from './processTiles.ts';

const point: ProcessTelemetryPoint = {
  kind: 'process',
  runTMs: 3000,
  epochMs: 5000,
  intervalMs: 1000,
  pids: [1, 2],
  cpu: { userPct: 30.4, systemPct: 9.6, totalPct: 40 },
  rssBytes: 2 * 1024 * 1024,
  threads: 9,
  openFds: 31,
  contextSwitchesPerSec: { voluntary: 1, involuntary: 0 },
  tcpByState: { LISTEN: 1, ESTABLISHED: 12 },
  listeners: [{ address: '127.0.0.1:8000', queued: 3, max: 5 }],
};

test('tiles show CPU split, RSS, threads, a non-empty accept queue as a warning, established connections', () => {
  const tiles = Object.fromEntries(processTiles(point).map((tile) => [tile.label, tile]));
  expect(tiles.CPU).toMatchObject({ value: '40%', detail: 'user 30% · system 10%' });
  expect(tiles.RSS?.detail).toBe('2 processes');
  expect(tiles.threads).toMatchObject({ value: '9', detail: '31 open fds' });
  expect(tiles['accept queue']).toMatchObject({ value: '3', detail: 'max 5', tone: 'warn' });
  expect(tiles.connections?.value).toBe('12');
});

test('what the platform does not give reads unknown', () => {
  const tiles = Object.fromEntries(
    processTiles({ ...point, cpu: { userPct: null, systemPct: null, totalPct: 12 }, threads: null, openFds: null, tcpByState: null, listeners: null }).map((tile) => [tile.label, tile]),
  );
  expect(tiles.CPU).toMatchObject({ value: '12%', detail: '100% = one core' });
  expect(tiles.threads?.value).toBe('unknown');
  expect(tiles['accept queue']).toMatchObject({ value: 'unknown', tone: undefined });
  expect(tiles.connections?.value).toBe('unknown');
});

test('connections not read this second: the last reading, with its age', () => {
  const tiles = Object.fromEntries(processTiles({ ...point, epochMs: 9000, tcpByState: null }, point).map((tile) => [tile.label, tile]));
  expect(tiles.connections).toMatchObject({ value: '12', detail: 'established, 4 s ago' });
});
