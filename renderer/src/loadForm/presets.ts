// The seed journal's experiments as one-click presets: wrk2 -t12 -c400 -R1000 against each
// concurrency model, the same with the server's keep-alive off and on, and httperf's
// --num-conns 1000 --rate 10. They ran 30 s (httperf 100 s); shorter lengths are offered first.
import type { ServerModel } from '../../../common/serverTelemetry.ts';
import type { LoadDraft } from './draft.ts';

export type PresetFamily = 'models' | 'keep-alive' | 'httperf';
export type PresetLength = 'smoke' | 'quick' | 'journal';

export const presetLengths: { value: PresetLength; label: string }[] = [
  { value: 'smoke', label: '2 s' },
  { value: 'quick', label: '5 s' },
  { value: 'journal', label: 'as in the journal' },
];

export interface ServerPreset {
  model: ServerModel;
  workers: number;
  keepAlive: boolean;
}

export interface Preset {
  id: string;
  family: PresetFamily;
  label: string;
  /** What it replays, for the tooltip. */
  description: string;
  server: ServerPreset;
}

const WRK_SECONDS: Record<PresetLength, number> = { smoke: 2, quick: 5, journal: 30 };
/** httperf at 10 connections a second: num-conns = 10 × seconds (the journal: 1000, 100 s). */
const HTTPERF_CONNS: Record<PresetLength, number> = { smoke: 20, quick: 50, journal: 1000 };

const modelLabels: Record<ServerModel, string> = {
  single: 'single-threaded',
  'thread-per-request': 'thread per request',
  'pool-shared': 'pool, shared channel',
  'pool-per-worker': 'pool, channel per worker',
  'event-loop': 'event loop',
};

export function modelLabel(model: ServerModel): string {
  return modelLabels[model];
}

export const presets: Preset[] = [
  ...(['single', 'thread-per-request', 'pool-shared', 'pool-per-worker', 'event-loop'] as const).map((model) => ({
    id: `models-${model}`,
    family: 'models' as const,
    label: modelLabels[model],
    description: `wrk -t12 -c400 -R1000 against the ${modelLabels[model]} server (journal 001–004)`,
    server: { model, workers: 4, keepAlive: true },
  })),
  ...[false, true].map((keepAlive) => ({
    id: `keep-alive-${keepAlive ? 'on' : 'off'}`,
    family: 'keep-alive' as const,
    label: keepAlive ? 'keep-alive on' : 'keep-alive off',
    description: `wrk -t12 -c400 -R1000 against the shared-channel pool with the server's keep-alive ${keepAlive ? 'on (journal 004)' : 'off: it closes after every response, wrk reconnects (journal 002)'}`,
    server: { model: 'pool-shared' as const, workers: 4, keepAlive },
  })),
  {
    id: 'httperf-rate-10',
    family: 'httperf',
    label: 'httperf --rate 10',
    description: 'httperf --num-conns 1000 --rate 10: one new connection every 100 ms, one request each',
    server: { model: 'single', workers: 1, keepAlive: true },
  },
];

/** The load form for a preset at a length: every load field set, the target the built-in server. */
export function presetDraft(preset: Preset, length: PresetLength): Partial<LoadDraft> {
  const common: Partial<LoadDraft> = { targetKind: 'builtin', path: '/', timeout: '2s', method: 'GET', headers: '', body: '', keepAlive: true, title: '', tags: `seed, ${preset.family}` };
  if (preset.family === 'httperf') {
    return { ...common, mode: 'conn-rate', threads: '1', connRate: '10', numConns: String(HTTPERF_CONNS[length]), numCalls: '1', timeout: '5s' };
  }
  return { ...common, mode: 'rate', threads: '12', connections: '400', duration: `${WRK_SECONDS[length]}s`, rate: '1000' };
}
