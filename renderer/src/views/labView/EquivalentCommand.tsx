// The form as the command a person would type, and the exact `loadlab` one, with copy buttons.
import { useState } from 'react';
import type { FormattedCommand } from '../../commandLine/formatCommand.ts';

export function EquivalentCommand({ command }: { command: FormattedCommand }) {
  return (
    <div className="equivalent">
      <CommandLine label="As wrk / httperf" text={command.tool} />
      {command.caveats.length > 0 && (
        <ul className="caveats">
          {command.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
      <CommandLine label="Exactly, from a terminal" text={command.loadlab} />
    </div>
  );
}

function CommandLine({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = (): void => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => setCopied(false),
    );
  };
  return (
    <div className="command-line">
      <span className="field-label">{label}</span>
      <div className="command-line-row">
        <code>{text}</code>
        <button type="button" className="small" onClick={copy} aria-label={`Copy: ${label}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
