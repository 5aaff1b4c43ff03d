// Everything the window shows, in one zustand store: what the lab reported (server, run,
// journal), what the person is doing (view, forms, selection) and errors by the place they
// happened. Changes go through the pure functions of reducers.ts and the actions of actions/.
import type { AppInfo, CompareResult, ImportSummary, SweepView, RunSampleEvent, RunStatus, ServerStatus, UnsavedRun } from '../../../common/labApi.ts';
import type { RunHeader } from '../../../common/runHeader.ts';
import type { RunRecord } from '../../../common/runRecord.ts';
import type { ServerModel, ServerTelemetrySample } from '../../../common/serverTelemetry.ts';
import type { ParsedCommand } from '../commandLine/parsed.ts';
import { defaultDraft, type LoadDraft } from '../loadForm/draft.ts';
import type { PresetLength } from '../loadForm/presets.ts';
import type { CompareGroup } from './groupRuns.ts';
import type { ExperimentRecord } from '../../../common/experimentRecord.ts';
import { idleSweep, type SweepState } from './sweep.ts';
import { initialRepeat, type RepeatState } from './repeat.ts';

/** Where an error is shown. */
export type Place = 'connection' | 'server' | 'run' | 'journal' | 'record' | 'update' | 'import' | 'export' | 'compare' | 'delete' | 'save';

export type View = { name: 'lab' } | { name: 'journal'; runId: string | null } | { name: 'compare' } | { name: 'experiment'; id: string } | { name: 'repeat'; id: string };

/** A telemetry sample without its interval histograms (they are only needed to add intervals up). */
export type TelemetryPoint = Omit<ServerTelemetrySample, 'histograms'>;

/** How many telemetry samples the Lab view keeps (one a second: ten minutes). */
export const TELEMETRY_KEPT = 600;

export interface LiveRun {
  runId: string | null;
  params: RunStatus['params'];
  /** Epoch ms, from the lab. */
  startedAtMs: number | null;
  /** Without their histograms (only the latest matters; see `spectrum`). */
  samples: RunSampleEvent[];
  /** The latest sample's histograms of everything so far: the live percentile spectrum. */
  spectrum: RunSampleEvent['histograms'];
  /** Built-in server telemetry since the run started. */
  serverSamples: TelemetryPoint[];
  outcome: { kind: 'running' } | { kind: 'finished'; header: RunHeader } | { kind: 'failed'; message: string };
}

export interface ServerForm {
  model: ServerModel;
  workers: string;
  /** "0" or empty: any free port. */
  port: string;
  keepAlive: boolean;
  /** Close after every response without saying so (the seed journal's server before entry 004). */
  closeSilently: boolean;
  /** Serve https with the lab's self-signed localhost certificate. */
  tls: boolean;
}

export interface LabState {
  /** 'reconnecting': the WebSocket to `loadlab web` dropped; calls fail until it is back. */
  connection: { state: 'connecting' | 'ready' | 'reconnecting' | 'failed'; message: string | null };
  appInfo: AppInfo | null;
  server: ServerStatus;
  telemetry: TelemetryPoint[];
  run: RunStatus;
  live: LiveRun | null;
  /** The sweep going now, or the last one. */
  sweep: SweepState;
  /** The repeat going now or the last one, and repeat entries opened from the journal. */
  repeat: RepeatState;
  /** Sweeps in the journal, newest first; an opened one's view by id. */
  experiments: { list: ExperimentRecord[]; loaded: boolean; views: Record<string, SweepView> };
  /** Experiment (sweep) ids picked for Compare's overlay, in the order picked. */
  sweepPicks: string[];
  journal: { runs: RunHeader[]; problems: { file: string; reason: string }[]; loaded: boolean };
  /** Full records fetched for run pages and comparisons, by id. */
  records: Record<string, RunRecord>;
  /** Run ids picked for comparing or exporting, in the order picked. */
  selection: string[];
  errors: Partial<Record<Place, string>>;
  view: View;
  serverForm: ServerForm;
  loadDraft: LoadDraft;
  presetLength: PresetLength;
  /** The last deleted run, until undone or dismissed. */
  deleted: { id: string; title: string } | null;
  importSummary: ImportSummary | null;
  /** What the last pasted command line set, until the form is changed another way. */
  pasteOutcome: ParsedCommand | null;
  comparison: { groups: CompareGroup[]; result: CompareResult } | null;
  /** The target refused the check before a run: the run waits until the person insists. */
  unreachable: { url: string; message: string } | null;
  /** Finished runs the journal did not take; the lab keeps them until saved or discarded. */
  unsaved: UnsavedRun[];
  busy: Partial<Record<'server' | 'run' | 'import' | 'export' | 'compare' | 'save', boolean>>;
}

export const initialState: LabState = {
  connection: { state: 'connecting', message: null },
  appInfo: null,
  server: { state: 'stopped', settings: null, url: null, error: null },
  telemetry: [],
  run: { state: 'idle', runId: null, params: null, startedAtMs: null },
  live: null,
  sweep: { status: idleSweep, outcome: null },
  repeat: initialRepeat,
  experiments: { list: [], loaded: false, views: {} },
  sweepPicks: [],
  journal: { runs: [], problems: [], loaded: false },
  records: {},
  selection: [],
  errors: {},
  view: { name: 'lab' },
  serverForm: { model: 'event-loop', workers: '4', port: '0', keepAlive: true, closeSilently: false, tls: false },
  loadDraft: defaultDraft,
  presetLength: 'quick',
  deleted: null,
  importSummary: null,
  pasteOutcome: null,
  comparison: null,
  unreachable: null,
  unsaved: [],
  busy: {},
};
