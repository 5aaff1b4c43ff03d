// The lab API: the one contract between the application core (lab/) and any UI. Electron maps it
// onto IPC, `loadlab web` onto WebSocket; the renderer sees the same `LabApi` object either way.
// Every method's params are validated with zod where they enter the host (the transports call
// `parseLabParams`); results and events are produced by the host and typed, not re-validated.
import { z } from 'zod';
import type { Comparison, GroupSpread } from './compare.ts';
import type { ExperimentRecord, RepeatExperimentRecord } from './experimentRecord.ts';
import type { SweepServerFacts } from './sweepServer.ts';
import type { ProcessTelemetryPoint } from './processTelemetry.ts';
import type { RunHeader } from './runHeader.ts';
import { connectionSpacingSchema, type RunRecord, type SeriesPoint, type ErrorCounts, type ServerSeriesPoint } from './runRecord.ts';
import { profileNameSchema, savableProfileSchema, type ServerProfile } from './serverProfile.ts';
import { serverModelSchema, type ServerModel, type ServerTelemetrySample } from './serverTelemetry.ts';
import { describeZodIssues } from './zodIssues.ts';

// ---- Server ----

export const serverStartParamsSchema = z.strictObject({
  model: serverModelSchema.default('event-loop'),
  workers: z.number().int().min(1).max(256).default(4),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  keepAlive: z.boolean().default(true),
  /** Close after every response without saying `Connection: close` (server-core's closeSilently). */
  closeSilently: z.boolean().default(false),
  /**
   * Serve https with the self-signed localhost certificate kept in the user data folder's "tls"
   * (the one `loadlab serve --tls` makes); runs against it trust that certificate.
   */
  tls: z.boolean().default(false),
});
export type ServerStartParams = z.input<typeof serverStartParamsSchema>;

export interface ServerStatus {
  state: 'stopped' | 'starting' | 'running' | 'stopping';
  /** While starting or running: what was asked for. */
  settings: { model: ServerModel; workers: number; keepAlive: boolean; closeSilently?: boolean; tls?: boolean } | null;
  /** While running: where it listens (https:// with TLS). */
  url: string | null;
  /** While running with TLS: the certificate file a client trusts (`bench --ca`); absent or null otherwise. */
  certFile?: string | null;
  /** The last start or crash failure, until the next start. */
  error: string | null;
}

/** The lab's launched server (a profile started from the page): `profiles.start`, `profiles.stop`, `profiles.status`. */
export interface ProfileServerStatus {
  /** 'running' = started and ready (its ready check passed). */
  state: 'stopped' | 'starting' | 'running' | 'stopping';
  /** The profile being (or last) run; null before any start. */
  profile: string | null;
  /** The process group leader while it runs. */
  pid: number | null;
  /** The profile's URL to load; null when it names none. */
  url: string | null;
  /** Epoch ms it became ready; the origin of `profiles.telemetry` points' runTMs. */
  startedAtMs: number | null;
  /** Why the last start failed or why it stopped on its own (exit code, log), until the next start. */
  error: string | null;
  /** How it ended, once stopped after running. */
  exit: { code: number | null; signal: string | null } | null;
  /** Its output's last lines (stdout and stderr as they came). */
  logLines: string[];
}

// ---- Runs ----

const tokenPattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const runTargetSchema = z.discriminatedUnion('kind', [
  /** The built-in server, which must be running. */
  z.strictObject({ kind: z.literal('builtin'), path: z.string().startsWith('/').max(2048).default('/') }),
  z.strictObject({ kind: z.literal('url'), url: z.string().min(1).max(2048) }),
]);
export type RunTarget = z.infer<typeof runTargetSchema>;

/** Why a target did not accept a connection (`target.check`). */
export type TargetProblem = 'refused' | 'reset' | 'timeout' | 'not-resolved' | 'bad-url' | 'other';

/** One TCP connection tried before a run; `message` is for the page as it is. */
export type TargetCheck = { reachable: true; url: string } | { reachable: false; url: string; problem: TargetProblem; message: string };

export const runStartParamsSchema = z.strictObject({
  target: runTargetSchema,
  mode: z.enum(['rate', 'max', 'conn-rate']),
  threads: z.number().int().min(1).max(256).default(2),
  connections: z.number().int().min(1).max(100_000).default(10),
  durationMs: z.number().int().min(100).max(24 * 3_600_000).default(10_000),
  /** Rate mode: total requests per second. */
  ratePerSec: z.number().positive().max(10_000_000).nullable().default(null),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(2_000),
  method: z.string().regex(tokenPattern, 'method must be an HTTP token such as GET or POST').default('GET'),
  headers: z.array(z.tuple([z.string(), z.string()])).max(100).default([]),
  /** Request body as UTF-8 text; empty for none. */
  body: z.string().max(16 * 1024 * 1024).default(''),
  keepAlive: z.boolean().default(true),
  /**
   * https URL targets: skip certificate verification (bench --insecure; the record says so).
   * Runs against the built-in server trust its certificate without it.
   */
  insecure: z.boolean().default(false),
  /** Connection-rate mode (httperf). */
  connRate: z
    .strictObject({ numConns: z.number().int().min(1).max(10_000_000), numCalls: z.number().int().min(1).max(1_000_000), spacing: connectionSpacingSchema })
    .nullable()
    .default(null),
  title: z.string().max(500).optional(),
  notes: z.string().max(1_000_000).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
});
export type RunStartParams = z.input<typeof runStartParamsSchema>;

export interface RunStatus {
  state: 'idle' | 'running' | 'stopping';
  runId: string | null;
  params: z.output<typeof runStartParamsSchema> | null;
  /**
   * Epoch ms of the run's time zero: when its load threads were ready and the schedule started
   * (a later run.status says so); until then, when the run was asked for.
   */
  startedAtMs: number | null;
  /**
   * Before the recorded run against a launched server whose profile asks for it (issue 14): its
   * restart, then the warm-up load (not recorded; its samples come as run.sample of its own runId).
   * Absent or null otherwise.
   */
  prelude?: RunPreludeStatus | null;
}

export interface RunPreludeStatus {
  phase: 'restart' | 'warmup';
  /** The profile whose server it is. */
  profile: string;
  warmupMs: number;
  /** A stop came: no recorded run follows. */
  stopping?: boolean;
}

/** A live sample, at most about ten a second whatever the load. */
export interface RunSampleEvent {
  runId: string;
  elapsedMs: number;
  durationMs: number;
  /** The interval that just ended. */
  point: SeriesPoint;
  totalRequests: number;
  totalErrors: ErrorCounts;
  /** Answered / due so far (0 to 1); null where it has no meaning; absent from older labs. */
  completionSoFar?: number | null;
  /** Requests per second the run should achieve (rate mode), null otherwise. */
  targetRatePerSec: number | null;
  p99SoFarUs: number | null;
  /** Everything measured so far (compressed base64 HdrHistograms, µs): the live percentile spectrum. */
  histograms: { correctedUs: string; uncorrectedUs: string | null } | null;
}

/**
 * The current run's samples so far, for a UI that attaches while it goes (a reloaded page): every
 * sample without its histograms except the latest, and the built-in server's telemetry kept for it.
 */
export interface RunHistory {
  runId: string | null;
  samples: RunSampleEvent[];
  serverSamples: ServerSeriesPoint[];
  /** A launched server's process telemetry kept for the run (epoch-timed); absent from older labs. */
  processSamples?: ProcessTelemetryPoint[];
}

/**
 * A finished run the journal could not take (read-only, full, gone). The lab keeps its record in
 * memory until a retry saves it or it is discarded, and wrote a copy to a fallback file.
 */
export interface UnsavedRun {
  /** The lab's id of the run (as in run.status). */
  runId: string;
  /** The record's header; `header.id` names the run in run.retrySave and the other methods. */
  header: RunHeader;
  /** Why the save failed, e.g. "EROFS: read-only file system, open …". */
  reason: string;
  /** Where a copy of the record was written (`<id>.json` in the user data or temp folder); null when that failed too. */
  fallbackPath: string | null;
  /** Why the fallback file could not be written; null when it was. */
  fallbackError: string | null;
}


// ---- Sweeps ----

/**
 * A rate sweep (experiments/sweep.ts): constant-rate runs at increasing rates, each saved as a
 * run, then the experiment entry. `rates` is a list of increasing req/s, or a geometric range.
 * Bounded: at most 50 planned rates, steps of at most an hour.
 */
export const sweepStartParamsSchema = z.strictObject({
  target: runTargetSchema,
  threads: z.number().int().min(1).max(256).default(2),
  connections: z.number().int().min(1).max(100_000).default(10),
  rates: z.union([
    z.array(z.number().positive().max(10_000_000)).min(1).max(50),
    z.strictObject({ from: z.number().positive().max(10_000_000), to: z.number().positive().max(10_000_000), steps: z.number().int().min(2).max(50) }),
  ]),
  stepDurationMs: z.number().int().min(100).max(3_600_000).default(10_000),
  /** Load at the step's rate before each step, not recorded (not saved). */
  warmupMs: z.number().int().min(100).max(600_000).nullable().default(null),
  refineSteps: z.number().int().min(0).max(10).default(0),
  /** As `loadlab sweep --slo`: "p99=50ms,errors=0.1%"; null for the default rule. */
  slo: z.string().max(500).nullable().default(null),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(2_000),
  keepAlive: z.boolean().default(true),
  title: z.string().max(500).optional(),
  notes: z.string().max(1_000_000).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
});
export type SweepStartParams = z.input<typeof sweepStartParamsSchema>;

export type SweepLatencyFigure = 'p50' | 'p90' | 'p99' | 'p999';

/** One step of a sweep as a UI shows it: its run, the knee rule's reading and verdict. */
export interface SweepStepView {
  /** Order in which the step ran, from 0. */
  order: number;
  kind: 'step' | 'refine';
  /** The saved run (its journal id is `header.id`). */
  header: RunHeader;
  targetPerSec: number;
  achievedPerSec: number;
  /** Answered share of scheduled requests, 0..1; null when unknown. */
  completion: number | null;
  /** Errors as a percentage of scheduled requests; null when unknown. */
  errorsPct: number | null;
  latencyUs: Record<SweepLatencyFigure, number | null>;
  /** Figures that are only lower bounds (unanswered requests censored into them). */
  lowerBounds: SweepLatencyFigure[];
  good: boolean;
  gaveOut: boolean;
  /** Why the step is not good, in words; empty when good. */
  reasons: string[];
}

export interface SweepStatus {
  state: 'idle' | 'running' | 'stopping';
  /** The lab's id of the sweep (the experiment's id is known when it is saved). */
  sweepId: string | null;
  params: z.output<typeof sweepStartParamsSchema> | null;
  plannedRatesPerSec: number[];
  /** Steps measured so far, in the order they ran. */
  steps: SweepStepView[];
  /** The step going now: its rate and whether it is the unrecorded warm-up. */
  current: { ratePerSec: number; phase: 'warmup' | 'step' } | null;
}

/** A finished sweep: its entry, its steps (sorted by target rate) and the knee, recomputed from the runs. */
export interface SweepView {
  experiment: ExperimentRecord;
  steps: SweepStepView[];
  kneePerSec: number | null;
  kneeSummary: string;
  /** The highest throughput any step achieved. */
  highestAchievedPerSec: number;
  /** The server the steps measured (common/sweepServer.ts); null when no step is left. */
  server: SweepServerFacts | null;
  /** Runs of the entry that are not in the journal (deleted). */
  missing: string[];
}

// ---- Repeats ----

/**
 * Repeated runs (the Lab's Repeat box, as `bench --repeat N`): the run described by the run.start
 * fields, `repeats` times. With the built-in server as target and two or more `models`, the lab
 * restarts its server as each model in turn (its other settings kept) and the runs alternate
 * A B A B, so that drift on a shared machine hits every model alike. Rate and max modes only.
 * Every run is saved; at the end an experiment entry of kind 'repeat' holds them.
 */
export const repeatStartParamsSchema = runStartParamsSchema.extend({
  repeats: z.number().int().min(2).max(50),
  models: z.array(serverModelSchema).max(5).default([]),
});
export type RepeatStartParams = z.input<typeof repeatStartParamsSchema>;

/** One run of a repeat as a UI shows it. */
export interface RepeatRunView {
  /** Order in which it ran, from 0. */
  order: number;
  /** Index into the groups (configurations). */
  group: number;
  header: RunHeader;
}

export interface RepeatStatus {
  state: 'idle' | 'running' | 'stopping';
  repeatId: string | null;
  params: z.output<typeof repeatStartParamsSchema> | null;
  /** The configurations' labels, in the order they alternate. */
  groups: string[];
  /** Runs planned in all (repeats × groups). */
  total: number;
  /** Runs measured so far, in order. */
  runs: RepeatRunView[];
  /** The run going now (position from 0), or null between runs. */
  current: { position: number; group: number } | null;
}

/**
 * A repeat with its runs and what they say: with two or more configurations Compare's comparison
 * (groups[0] the baseline; verdicts with their 95 % intervals); with one, each metric's spread.
 */
export interface RepeatView {
  experiment: RepeatExperimentRecord;
  runs: RepeatRunView[];
  comparison: Comparison | null;
  spread: GroupSpread | null;
  /** Runs of the entry that are not in the journal (deleted). */
  missing: string[];
}

// ---- Journal ----

export const runPatchSchema = z.strictObject({
  title: z.string().max(500).optional(),
  notes: z.string().max(1_000_000).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
});

export const exportFormatSchema = z.enum(['md', 'html', 'json', 'csv', 'hlog']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
/** A sweep's export formats (no .hlog: export the step runs for their histograms). */
export const sweepExportFormatSchema = z.enum(['md', 'html', 'json', 'csv']);
export type SweepExportFormat = z.infer<typeof sweepExportFormatSchema>;

export interface JournalListResult {
  runs: RunHeader[];
  problems: { file: string; reason: string }[];
}

/**
 * Per file and per run: every run read is added, existing or refused; every file given is read
 * or in `errors`.
 */
export interface ImportSummary {
  added: RunHeader[];
  /** Ids that were in the journal already (the same report imported twice). */
  existing: string[];
  /** Runs read but not added, each with its file and why (an invalid id or record, a corrupt histogram, a failed write). */
  refused: { file: string; runId: string | null; message: string }[];
  /** Files not read at all (not a report, too large, unreadable). */
  errors: { file: string; message: string }[];
  warnings: { file: string; message: string }[];
}

export interface ExportedFile {
  name: string;
  content: string;
}

// ---- The contract ----

const idParams = z.strictObject({ id: z.string().min(1).max(200) });
const noParams = z.strictObject({});

/** Method name → params schema. The result types are in `LabResults`. */
export const labParamSchemas = {
  'app.info': noParams,
  'server.start': serverStartParamsSchema,
  'server.stop': noParams,
  'server.status': noParams,
  'run.start': runStartParamsSchema,
  'run.stop': noParams,
  'run.status': noParams,
  'run.samples': noParams,
  /** Whether the target accepts a TCP connection, within timeoutMs. */
  'target.check': z.strictObject({ target: runTargetSchema, timeoutMs: z.number().int().min(50).max(10_000).default(1_000) }),
  /** Finished runs not in the journal yet (a UI reads these when it attaches, and after a reconnect). */
  'run.unsaved': noParams,
  /** Tries the journal again for an unsaved run; the result is its header once saved. */
  'run.retrySave': idParams,
  /** The whole record of an unsaved run (for "Download record (.json)"). */
  'run.unsavedRecord': idParams,
  /** Forgets an unsaved run (its fallback file stays). */
  'run.discardUnsaved': idParams,
  'sweep.start': sweepStartParamsSchema,
  'sweep.stop': noParams,
  'sweep.status': noParams,
  'repeat.start': repeatStartParamsSchema,
  'repeat.stop': noParams,
  'repeat.status': noParams,
  /** Repeats in the journal, newest first. */
  'journal.repeats': noParams,
  /** One repeat with its runs and verdicts, recomputed from its runs. */
  'journal.repeat': idParams,
  'journal.list': noParams,
  'journal.trash': noParams,
  'journal.get': idParams,
  'journal.update': z.strictObject({ id: z.string().min(1).max(200), patch: runPatchSchema }),
  'journal.delete': idParams,
  'journal.restore': idParams,
  'journal.import': z.strictObject({ files: z.array(z.strictObject({ name: z.string().max(1000), text: z.string().max(256 * 1024 * 1024) })).min(1).max(1000) }),
  /** `groups`: how the comparison of md/html exports groups the runs (as Compare shows them); runs in no group, and all without it, are alone. */
  'journal.export': z.strictObject({
    ids: z.array(z.string().min(1).max(200)).min(1).max(10_000),
    format: exportFormatSchema,
    groups: z.array(z.strictObject({ label: z.string().max(200), ids: z.array(z.string().min(1).max(200)).min(1).max(10_000) })).max(10_000).default([]),
  }),
  /** Server profiles (servers/<name>.json in the journal folder); editing them launches nothing. */
  'profiles.list': noParams,
  'profiles.get': z.strictObject({ name: profileNameSchema }),
  /**
   * `replace: false` refuses a name already used ('busy'). Checked as the journal's store checks
   * `server add` (savableProfileSchema). Like profiles.start, refused ('failed') by a web host
   * bound off loopback without --allow-commands: a saved profile is a command the CLI and the
   * page may run later.
   */
  'profiles.put': z.strictObject({ profile: savableProfileSchema, replace: z.boolean() }),
  /** Refused off loopback without --allow-commands, as profiles.put. */
  'profiles.remove': z.strictObject({ name: profileNameSchema }),
  /** Experiments (sweeps) in the journal, newest first. */
  'journal.experiments': noParams,
  /** One sweep with its steps and knee, recomputed from its runs. */
  'journal.experiment': idParams,
  /** One sweep's report: md (with its curve as an SVG file), self-contained html, json or csv (a row per step). */
  'journal.exportExperiment': z.strictObject({ id: z.string().min(1).max(200), format: sweepExportFormatSchema }),
  /** Starts the profile's server (at most one; refused by a web host bound off loopback without --allow-commands). */
  'profiles.start': z.strictObject({ name: profileNameSchema }),
  /** Stops the launched server's whole process group (SIGTERM, then SIGKILL). */
  'profiles.stop': noParams,
  'profiles.status': noParams,
  compare: z.strictObject({ groups: z.array(z.strictObject({ label: z.string().max(200), ids: z.array(z.string().min(1).max(200)).min(1).max(100) })).min(2).max(6) }),
} as const;

export type LabMethod = keyof typeof labParamSchemas;
export type LabParams<M extends LabMethod> = z.input<(typeof labParamSchemas)[M]>;

export interface AppInfo {
  version: string;
  /** Electron's version when hosted in Electron, else null. */
  electron: string | null;
  node: string;
  /** 'electron' or 'web'. */
  host: 'electron' | 'web';
  journalDir: string;
}

/** The comparison table (common/compare.ts computes it). */
export type CompareResult = Comparison;

export interface LabResults {
  'app.info': AppInfo;
  'server.start': ServerStatus;
  'server.stop': ServerStatus;
  'server.status': ServerStatus;
  'run.start': RunStatus;
  'run.stop': RunStatus;
  'run.status': RunStatus;
  'run.samples': RunHistory;
  'target.check': TargetCheck;
  'run.unsaved': UnsavedRun[];
  'run.retrySave': RunHeader;
  'run.unsavedRecord': RunRecord;
  'run.discardUnsaved': { id: string };
  'sweep.start': SweepStatus;
  'sweep.stop': SweepStatus;
  'sweep.status': SweepStatus;
  'repeat.start': RepeatStatus;
  'repeat.stop': RepeatStatus;
  'repeat.status': RepeatStatus;
  'journal.repeats': { repeats: RepeatExperimentRecord[] };
  'journal.repeat': RepeatView;
  'journal.list': JournalListResult;
  'journal.trash': JournalListResult;
  'journal.get': RunRecord;
  'journal.update': RunHeader;
  'journal.delete': { id: string };
  'journal.restore': RunHeader;
  'journal.import': ImportSummary;
  /** `skipped`: runs left out because they cannot be exported (a corrupt histogram), with why; the rest are in `files`. */
  'journal.export': { files: ExportedFile[]; skipped: { id: string; reason: string }[] };
  'profiles.list': ProfileListResult;
  'profiles.get': ServerProfile;
  'profiles.put': ServerProfile;
  'profiles.remove': { name: string };
  'journal.experiments': { experiments: ExperimentRecord[]; problems: { file: string; reason: string }[] };
  'journal.experiment': SweepView;
  'journal.exportExperiment': { files: ExportedFile[] };
  'profiles.start': ProfileServerStatus;
  'profiles.stop': ProfileServerStatus;
  'profiles.status': ProfileServerStatus;
  compare: CompareResult;
}

/** The profiles, and the files in servers/ that are not readable profiles (left as they are). */
export interface ProfileListResult {
  profiles: ServerProfile[];
  problems: Array<{ file: string; reason: string }>;
}

export interface LabEvents {
  'server.status': ServerStatus;
  'server.telemetry': ServerTelemetrySample;
  'run.status': RunStatus;
  'run.sample': RunSampleEvent;
  'run.finished': { runId: string; header: RunHeader };
  'run.failed': { runId: string | null; message: string };
  /** The run finished but the journal did not take it: its record is kept (see UnsavedRun). */
  'run.saveFailed': UnsavedRun;
  /** The unsaved runs changed (one saved by a retry, or discarded): the whole list. */
  'run.unsavedChanged': { unsaved: UnsavedRun[] };
  'sweep.status': SweepStatus;
  /** A step was measured (and its run saved); `plannedSteps` may shrink when the server gave out. */
  'sweep.step': { sweepId: string; step: SweepStepView; plannedSteps: number };
  /** The sweep ended and its entry was saved (or `saveError` says why not). */
  'sweep.finished': { sweepId: string; view: SweepView; saveError: string | null };
  'sweep.failed': { sweepId: string; message: string };
  'repeat.status': RepeatStatus;
  /** A run of the repeat was measured and saved. */
  'repeat.run': { repeatId: string; run: RepeatRunView };
  /** The repeats ended and the entry was saved (or `saveError` says why not). */
  'repeat.finished': { repeatId: string; view: RepeatView; saveError: string | null };
  'repeat.failed': { repeatId: string; message: string };
  'profiles.serverStatus': ProfileServerStatus;
  /** Once a second while the launched server runs: its process tree (runTMs from its start) and its log's last lines. */
  'profiles.telemetry': { profile: string; point: ProcessTelemetryPoint; logLines: string[] };
  'journal.changed': { reason: 'saved' | 'updated' | 'deleted' | 'restored' | 'imported' };
}
export type LabEventName = keyof LabEvents;

/** The object every UI gets, from the preload (Electron) or the WebSocket client (browser). */
export interface LabApi {
  call<M extends LabMethod>(method: M, params: LabParams<M>): Promise<LabResults[M]>;
  /** Returns a function that unsubscribes. */
  on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void;
  /**
   * Transports that can lose the host (the WebSocket of `loadlab web`) say when they do and when
   * they are back; events sent meanwhile are lost, so a UI reads its state again on 'connected'.
   * Electron's IPC cannot drop and leaves this out.
   */
  onConnection?(listener: (state: 'connected' | 'reconnecting') => void): () => void;
}

/** An error a UI can show as it is: the method, and what was wrong. */
export interface LabErrorPayload {
  code: 'bad-params' | 'busy' | 'not-found' | 'failed';
  message: string;
}

export class LabError extends Error {
  constructor(
    readonly code: LabErrorPayload['code'],
    message: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

/** Validates untrusted params; throws LabError('bad-params') naming each problem. */
export function parseLabParams<M extends LabMethod>(method: M, params: unknown): z.output<(typeof labParamSchemas)[M]> {
  const parsed = labParamSchemas[method].safeParse(params ?? {});
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error);
    throw new LabError('bad-params', `${method}: ${problems.join('; ')}`);
  }
  return parsed.data as z.output<(typeof labParamSchemas)[M]>;
}

