// Paste a wrk, wrk2 or httperf command line (or a journal entry with one) to fill the form.
import { useId, useState } from 'react';
import { useActions, useLab } from '../../store/LabContext.tsx';

export function CommandPaste() {
  const [text, setText] = useState('');
  const outcome = useLab((state) => state.pasteOutcome);
  const { applyCommand, clearPasteOutcome } = useActions();
  const id = useId();
  const fill = (): void => applyCommand(text);
  return (
    <div className="command-paste">
      <label htmlFor={id} className="field-label">
        Paste a command line
      </label>
      <div className="command-paste-row">
        <textarea
          id={id}
          rows={2}
          value={text}
          spellCheck={false}
          placeholder="wrk -t12 -c400 -d30s -R1000 --latency http://localhost:7878/   ·   httperf --server localhost --port 7878 --num-conns 1000 --rate 10"
          onChange={(event) => {
            setText(event.target.value);
            if (outcome !== null) clearPasteOutcome();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              fill();
            }
          }}
        />
        <button type="button" onClick={fill} disabled={text.trim() === ''}>
          Fill form
        </button>
      </div>
      {outcome !== null &&
        (outcome.ok ? (
          <div className="note ok" role="status">
            Read as {outcome.tool}; the form below is set.
            {outcome.notes.length > 0 && (
              <ul>
                {outcome.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div className="note error" role="alert">
            Could not read that command:
            <ul>
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}
