// The load: target, mode and figures, the request, checks before the run, the equivalent command,
// and Run / Stop (Ctrl/Cmd+Enter, Escape).
import { useId, useMemo } from 'react';
import { formatCommand } from '../../commandLine/formatCommand.ts';
import { checkParams, type Finding } from '../../loadForm/checks.ts';
import type { LoadDraft } from '../../loadForm/draft.ts';
import { toRunParams } from '../../loadForm/toRunParams.ts';
import { toSweepParams } from '../../loadForm/toSweepParams.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { serverP50Us } from '../../store/selectors.ts';
import { estimateLatency } from '../../loadForm/latencyEstimate.ts';
import { estimateThreadCapacity } from '../../loadForm/threadCapacity.ts';
import { serverParams, serverPlan } from '../../store/serverPlan.ts';
import { CommandPaste } from './CommandPaste.tsx';
import { DraftField } from './DraftField.tsx';
import { EquivalentCommand } from './EquivalentCommand.tsx';
import { RunButtons } from './RunButtons.tsx';
import { RepeatBox } from './RepeatBox.tsx';
import { toRepeatParams } from '../../loadForm/toRepeatParams.ts';
import type { FormattedCommand } from '../../commandLine/formatCommand.ts';

const MODES: { value: LoadDraft['mode']; label: string; hint: string }[] = [
  { value: 'rate', label: 'Constant rate (wrk2 -R)', hint: 'Each connection sends on a fixed schedule; latency counts from when a request should have gone out.' },
  { value: 'max', label: 'As fast as possible (wrk)', hint: 'Closed loop: each connection sends when its previous response is done.' },
  { value: 'conn-rate', label: 'Connection rate (httperf)', hint: 'A new connection every 1/rate s, some requests on it, then close.' },
  {
    value: 'sweep',
    label: 'Sweep (find the knee)',
    hint: 'Constant-rate steps at increasing rates, each saved as a run, stopped one step past where the server gives out; the curve and the knee are kept as one journal entry.',
  },
];

export function LoadPanel() {
  const draft = useLab((state) => state.loadDraft);
  const serverForm = useLab((state) => state.serverForm);
  const server = useLab((state) => state.server);
  const journal = useLab((state) => state.journal);
  const serverNowP50Us = useLab((state) => serverP50Us(state.telemetry));
  const telemetry = useLab((state) => state.telemetry);
  const { setLoadDraft } = useActions();
  const ids = { target: useId(), mode: useId(), keepAlive: useId(), insecure: useId() };

  const sweep = draft.mode === 'sweep';
  const form = useMemo(() => toRunParams(draft), [draft]);
  const sweepForm = useMemo(() => (sweep ? toSweepParams(draft) : null), [sweep, draft]);
  const repeatable = draft.mode === 'rate' || draft.mode === 'max';
  const repeatForm = useMemo(() => (repeatable ? toRepeatParams(draft, serverForm.model) : null), [repeatable, draft, serverForm.model]);
  const shown = sweepForm ?? (repeatForm !== null && !repeatForm.ok ? repeatForm : form);
  const problems = new Map(shown.ok ? [] : shown.problems.map((problem) => [problem.field, problem.message]));
  const findings: Finding[] = useMemo(() => {
    if (!form.ok || sweep) return [];
    const builtinModel = form.params.target.kind === 'builtin' ? serverForm.model : null;
    const capacity = estimateThreadCapacity(builtinModel, telemetry);
    const found = checkParams(form.params, estimateLatency(form.params.target, { builtinModel, headers: journal.runs, serverP50Us: serverNowP50Us }), capacity);
    if (builtinModel === 'thread-per-request' && capacity === null && form.params.mode === 'rate') {
      found.push({ level: 'info', message: 'Thread per request starts a Node worker thread for every request (tens of ms each): its capacity is known once the server has started threads; the server panel then shows their start time.' });
    }
    if (form.params.target.kind === 'builtin') {
      const parsed = serverParams(serverForm);
      const plan = parsed.ok ? serverPlan(server, parsed.params) : null;
      if (plan === 'start') found.push({ level: 'info', message: `Run starts the built-in server first (${serverForm.model}).` });
      if (plan === 'restart') found.push({ level: 'info', message: `Run restarts the built-in server as ${serverForm.model} first: the server panel asks for other settings than the running server has.` });
    }
    return found;
  }, [form, sweep, serverForm, server, journal, serverNowP50Us, telemetry]);
  const single = form.ok && !sweep ? formatCommand(form.params, server.url, server.certFile ?? null) : null;
  const command = single !== null && repeatForm?.ok === true ? repeatedCommand(single, repeatForm.params.repeats, repeatForm.params.models) : single;
  const connRate = draft.mode === 'conn-rate';

  return (
    <section className="panel load-panel" aria-labelledby="load-panel-title">
      <header className="panel-head">
        <h2 id="load-panel-title">Load</h2>
      </header>
      <CommandPaste />
      <fieldset className="segmented" aria-describedby={`${ids.target}-hint`}>
        <legend className="field-label">Target</legend>
        <label className={draft.targetKind === 'builtin' ? 'on' : ''}>
          <input type="radio" name={ids.target} checked={draft.targetKind === 'builtin'} onChange={() => setLoadDraft({ targetKind: 'builtin' })} />
          Built-in server
        </label>
        <label className={draft.targetKind === 'url' ? 'on' : ''}>
          <input type="radio" name={ids.target} checked={draft.targetKind === 'url'} onChange={() => setLoadDraft({ targetKind: 'url' })} />
          URL
        </label>
        {draft.targetKind === 'builtin' ? (
          <DraftField field="path" label="Path" problem={problems.get('path')} className="grow" placeholder="/" />
        ) : (
          <DraftField field="url" label="URL" problem={problems.get('url')} className="grow" placeholder="http://localhost:7878/" inputMode="url" />
        )}
      </fieldset>
      {draft.targetKind === 'url' && (
        <label htmlFor={ids.insecure} className="check" title="loadlab bench --insecure: the record and the run page say so">
          <input id={ids.insecure} type="checkbox" checked={draft.insecure} onChange={(event) => setLoadDraft({ insecure: event.target.checked })} />
          Skip certificate verification (https)
        </label>
      )}
      {draft.targetKind === 'url' && draft.insecure && (
        <div className="note warn" role="alert">
          {problems.get('insecure') ?? 'Certificate verification off: the server is not authenticated. The run is saved as --insecure.'}
        </div>
      )}
      <fieldset className="segmented modes">
        <legend className="field-label">Mode</legend>
        {MODES.map((mode) => (
          <label key={mode.value} className={draft.mode === mode.value ? 'on' : ''} title={mode.hint}>
            <input type="radio" name={ids.mode} checked={draft.mode === mode.value} onChange={() => setLoadDraft({ mode: mode.value })} />
            {mode.label}
          </label>
        ))}
      </fieldset>
      <p className="mode-hint">{MODES.find((mode) => mode.value === draft.mode)?.hint}</p>
      <div className="form-grid numbers">
        <DraftField field="threads" label="Threads (-t)" problem={problems.get('threads')} inputMode="numeric" />
        {!connRate && <DraftField field="connections" label="Connections (-c)" problem={problems.get('connections')} inputMode="numeric" />}
        {!connRate && !sweep && <DraftField field="duration" label="Duration (-d)" problem={problems.get('duration')} hint="30s, 2m, 500ms" />}
        {sweep && <DraftField field="sweepFrom" label="From (req/s)" problem={problems.get('sweepFrom')} inputMode="numeric" />}
        {sweep && <DraftField field="sweepTo" label="To (req/s)" problem={problems.get('sweepTo')} inputMode="numeric" />}
        {sweep && <DraftField field="sweepSteps" label="Steps" problem={problems.get('sweepSteps')} inputMode="numeric" hint="geometric" />}
        {sweep && <DraftField field="sweepRates" label="Or rates" problem={problems.get('sweepRates')} placeholder="100,200,400" hint="instead of from/to" />}
        {sweep && <DraftField field="stepDuration" label="Step duration" problem={problems.get('stepDuration')} hint="each step" />}
        {sweep && <DraftField field="warmup" label="Warm-up" problem={problems.get('warmup')} placeholder="none" hint="before each step, not kept" />}
        {sweep && <DraftField field="refine" label="Refine steps" problem={problems.get('refine')} inputMode="numeric" hint="bisect the knee" />}
        {sweep && <DraftField field="slo" label="SLO" problem={problems.get('slo')} placeholder="p99=50ms,errors=0.1%" hint="empty: p99 ≤ 3× the lowest step" className="span-2" />}
        {draft.mode === 'rate' && <DraftField field="rate" label="Rate (-R, req/s)" problem={problems.get('rate')} inputMode="numeric" />}
        {connRate && <DraftField field="connRate" label="Connection rate (/s)" problem={problems.get('connRate')} inputMode="numeric" />}
        {connRate && <DraftField field="numConns" label="Connections in all" problem={problems.get('numConns')} inputMode="numeric" />}
        {connRate && <DraftField field="numCalls" label="Requests per connection" problem={problems.get('numCalls')} inputMode="numeric" />}
        <DraftField field="timeout" label="Timeout" problem={problems.get('timeout')} hint="per request" />
      </div>
      {repeatable && <RepeatBox problem={problems.get('repeat')} />}
      <details className="request-details">
        <summary>
          Request: {draft.method.toUpperCase() || 'GET'}
          {draft.headers.trim() !== '' ? ` · ${draft.headers.trim().split('\n').length} header(s)` : ''}
          {draft.body !== '' ? ` · body ${draft.body.length} chars` : ''}
          {draft.keepAlive ? '' : ' · keep-alive off'}
        </summary>
        <div className="form-grid request">
          <DraftField field="method" label="Method" problem={problems.get('method')} />
          <label htmlFor={ids.keepAlive} className="check">
            <input id={ids.keepAlive} type="checkbox" checked={draft.keepAlive} onChange={(event) => setLoadDraft({ keepAlive: event.target.checked })} />
            Client keep-alive (off: a new connection per request)
          </label>
          <DraftField field="headers" label="Headers" problem={problems.get('headers')} multiline placeholder="Name: value, one per line" className="span-2" />
          <DraftField field="body" label="Body" problem={problems.get('body')} multiline className="span-2" />
        </div>
      </details>
      <div className="form-grid two">
        <DraftField field="title" label="Title" placeholder="named after the command when empty" problem={problems.get('title')} />
        <DraftField field="tags" label="Tags" placeholder="comma-separated" problem={problems.get('tags')} />
      </div>
      {!shown.ok && problems.has(null) && <div className="note error">{problems.get(null)}</div>}
      {findings.length > 0 && (
        <ul className="findings" aria-label="Checks before the run">
          {findings.map((finding) => (
            <li key={finding.message} className={finding.level}>
              <span className="finding-level">{finding.level === 'block' ? 'Cannot run' : finding.level === 'warn' ? 'Check' : 'Note'}</span> {finding.message}
            </li>
          ))}
        </ul>
      )}
      {command !== null && <EquivalentCommand command={command} />}
      <RunButtons blocked={!shown.ok || findings.some((finding) => finding.level === 'block')} />
    </section>
  );
}

/** The Repeat box in the equivalent commands: `bench --repeat N`; wrk has no repeats, and the models' alternation is the Lab's. */
function repeatedCommand(command: FormattedCommand, repeats: number, models: readonly string[]): FormattedCommand {
  const caveats = [...command.caveats, `wrk runs once: the Lab runs it ${repeats} times`];
  if (models.length > 1) caveats.push(`the Lab alternates ${models.join(', ')} on its built-in server; from a terminal, start each (loadlab serve --model M) and give their URLs to bench --repeat`);
  return { ...command, caveats, loadlab: command.loadlab.replace(/^loadlab bench /, `loadlab bench --repeat ${repeats} `) };
}
