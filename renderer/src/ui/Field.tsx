// A labelled form control with its problem (or, without one, its hint) under it. The control's
// accessible name is the label alone (aria-labelledby): the problem or hint describes it.
import { useId, type ReactNode } from 'react';

export interface FieldProps {
  label: string;
  problem: string | undefined;
  hint?: string | undefined;
  className?: string | undefined;
  children(props: { id: string; 'aria-labelledby': string; 'aria-invalid': boolean; 'aria-describedby': string | undefined; spellCheck: false }): ReactNode;
}

/** A labelled control with its problem (or hint) under it; its name is the label alone (the problem or hint describes it). */
export function Field({ label, problem, hint, className, children }: FieldProps) {
  const id = useId();
  const describedBy = problem !== undefined ? `${id}-problem` : hint !== undefined ? `${id}-hint` : undefined;
  return (
    <label htmlFor={id} className={`field${problem !== undefined ? ' invalid' : ''}${className === undefined ? '' : ` ${className}`}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      {children({ id, 'aria-labelledby': `${id}-label`, 'aria-invalid': problem !== undefined, 'aria-describedby': describedBy, spellCheck: false })}
      {problem !== undefined ? (
        <span className="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      ) : (
        hint !== undefined && (
          <span className="field-hint" id={`${id}-hint`}>
            {hint}
          </span>
        )
      )}
    </label>
  );
}
