// The Repeat box of the load form: run the form's run N times (bench --repeat N), and with the
// built-in server, alternate it across other models (A B A B) so that drift on a shared machine
// lands on every model alike; the result page gives Compare's verdict with its interval.
import { serverModels, type ServerModel } from '../../../../common/serverTelemetry.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { DraftField } from './DraftField.tsx';

export function RepeatBox({ problem }: { problem: string | undefined }) {
  const draft = useLab((state) => state.loadDraft);
  const serverModel = useLab((state) => state.serverForm.model);
  const { setLoadDraft } = useActions();
  const repeating = draft.repeat.trim() !== '1' && draft.repeat.trim() !== '';
  const toggle = (model: ServerModel, on: boolean): void => setLoadDraft({ repeatWith: on ? [...draft.repeatWith.filter((m) => m !== model), model] : draft.repeatWith.filter((m) => m !== model) });
  return (
    <fieldset className="repeat-box" aria-label="Repeat">
      <DraftField field="repeat" label="Repeat (runs)" problem={problem} inputMode="numeric" hint="1: one run; 2 or more: a verdict with its noise" />
      {repeating && draft.targetKind === 'builtin' && (
        <div className="repeat-models">
          <span className="field-label">Alternate {serverModel} with</span>
          {serverModels
            .filter((model) => model !== serverModel)
            .map((model) => (
              <label key={model} className="check">
                <input type="checkbox" checked={draft.repeatWith.includes(model)} onChange={(event) => toggle(model, event.target.checked)} />
                {model}
              </label>
            ))}
          <span className="field-hint">Runs alternate A B A B; the server restarts as each model before its run.</span>
        </div>
      )}
      {repeating && draft.targetKind === 'url' && <span className="field-hint">Repeats of this URL; to compare servers, give each its own repeats, or use the built-in server’s models.</span>}
    </fieldset>
  );
}
