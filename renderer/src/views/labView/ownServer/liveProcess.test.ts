import { expect, test } from 'vitest';
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';
import { loadsServer, onRunAxis } from './liveProcess.ts';

test('a run loads the launched server when host and port agree (localhost and 127.0.0.1 alike)', () => {
  expect(loadsServer('http://127.0.0.1:8000/x', 'http://127.0.0.1:8000/')).toBe(true);
  expect(loadsServer('http://localhost:8000/', 'http://127.0.0.1:8000/')).toBe(true);
  expect(loadsServer('http://127.0.0.1:8001/', 'http://127.0.0.1:8000/')).toBe(false);
  expect(loadsServer('https://127.0.0.1:8000/', 'http://127.0.0.1:8000/')).toBe(false);
  expect(loadsServer('http://example.com:8000/', 'http://127.0.0.1:8000/')).toBe(false);
  expect(loadsServer('not a url', 'http://127.0.0.1:8000/')).toBe(false);
  expect(loadsServer('http://127.0.0.1:8000/', null)).toBe(false);
});

test('points before the run are dropped; the rest count from the run start', () => {
  const point = (epochMs: number) => ({ kind: 'process', epochMs, runTMs: 99_999 }) as ProcessTelemetryPoint;
  expect(onRunAxis([point(900), point(1000), point(2500)], 1000).map((p) => p.runTMs)).toEqual([1500]);
});
