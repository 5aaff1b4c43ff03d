// The seed journal's experiments, one click each: fills the server panel and the load form.
import { useId } from 'react';
import { presetLengths, presets, type Preset, type PresetFamily, type PresetLength } from '../../loadForm/presets.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';

const FAMILIES: { family: PresetFamily; title: string }[] = [
  { family: 'models', title: 'wrk2 -t12 -c400 -R1000, each model' },
  { family: 'keep-alive', title: 'Server keep-alive' },
  { family: 'httperf', title: 'httperf --num-conns 1000 --rate 10' },
];

export function PresetBar() {
  const length = useLab((state) => state.presetLength);
  const { applyPreset, setPresetLength } = useActions();
  const lengthId = useId();
  return (
    <section className="panel preset-bar" aria-labelledby="presets-title">
      <header className="panel-head">
        <h2 id="presets-title">Replay the journal’s experiments</h2>
        <label htmlFor={lengthId} className="inline">
          Length
          <select id={lengthId} value={length} onChange={(event) => setPresetLength(event.target.value as PresetLength)}>
            {presetLengths.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="preset-families">
        {FAMILIES.map(({ family, title }) => (
          <div key={family} className="preset-family">
            <span className="preset-family-title">{title}</span>
            <div className="preset-buttons">
              {presets
                .filter((preset) => preset.family === family)
                .map((preset: Preset) => (
                  <button key={preset.id} type="button" className="chip" title={preset.description} onClick={() => applyPreset(preset)}>
                    {preset.label}
                  </button>
                ))}
            </div>
          </div>
        ))}
      </div>
      <p className="hint">
        A preset fills the server panel and the form; press Run. The journal ran each for 30 s (httperf: 1000 connections, 100 s); {length === 'journal' ? 'this replays that exactly.' : 'shorter runs show the same shape sooner — pick “as in the journal” for the exact replay.'}
      </p>
    </section>
  );
}
