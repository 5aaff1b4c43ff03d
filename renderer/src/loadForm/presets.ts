// The seed journal's experiments as one-click presets: wrk2 -t12 -c400 -R1000 against each
// concurrency model, the same with the server's keep-alive off and on, and httperf's
// --num-conns 1000 --rate 10. They ran 30 s (httperf 100 s); shorter lengths are offered first.
// The server follows the journal: until entry 004 its servers closed after every response
// without saying `Connection: close` and dropped unread request bytes, which wrk counted as read
// errors; the model presets replay that with the server's close-silently option.
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
  /** Close after every response without saying so (the journal's servers before entry 004). */
  closeSilently: boolean;
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

/** What the close-silently server does to wrk, said in every preset that uses it. */
const SILENT_CLOSE =
  "The server closes after every response without saying Connection: close and drops unread request bytes, as the journal's servers did before entry 004: wrk sends its next request on the closed connection, counts a read error and reconnects.";

/** Why this model falls short of the journal's figures, where it does. */
const modelNotes: Partial<Record<ServerModel, string>> = {
  'thread-per-request':
    "It falls short of the journal's Rust server (991 req/s): a Node worker thread is a new V8 isolate that loads its code, tens of ms to start where an OS thread takes tens of µs, so the server can start only about cores ÷ start time threads a second. The server panel shows the measured start time (p50/p99) and threads started per second; the check before the run estimates the capacity from them.",
};

function modelPreset(model: ServerModel): Preset {
  const note = modelNotes[model];
  return {
    id: `models-${model}`,
    family: 'models',
    label: modelLabels[model],
    description: `wrk -t12 -c400 -R1000 against the ${modelLabels[model]} server (journal 001–2024-10-14). ${SILENT_CLOSE}${note === undefined ? '' : ` ${note}`}`,
    server: { model, workers: 4, keepAlive: false, closeSilently: true },
  };
}

export const presets: Preset[] = [
  ...(['single', 'thread-per-request', 'pool-shared', 'pool-per-worker', 'event-loop'] as const).map(modelPreset),
  {
    id: 'keep-alive-off',
    family: 'keep-alive',
    label: 'keep-alive off',
    description: `wrk -t12 -c400 -R1000 against the shared-channel pool as before journal 004. ${SILENT_CLOSE}`,
    server: { model: 'pool-shared', workers: 4, keepAlive: false, closeSilently: true },
  },
  {
    id: 'keep-alive-on',
    family: 'keep-alive',
    label: 'keep-alive on',
    description: 'wrk -t12 -c400 -R1000 against the shared-channel pool with keep-alive on (journal 004): connections are reused until the client closes them, no read errors.',
    server: { model: 'pool-shared', workers: 4, keepAlive: true, closeSilently: false },
  },
  {
    id: 'httperf-rate-10',
    family: 'httperf',
    label: 'httperf --rate 10',
    description: 'httperf --num-conns 1000 --rate 10: one new connection every 100 ms, one request each (closing after it changes nothing here).',
    server: { model: 'single', workers: 1, keepAlive: true, closeSilently: false },
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
