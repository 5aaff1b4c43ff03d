// One text field of the load form, with its problem (if any) under it.
import { useId } from 'react';
import type { LoadDraft } from '../../loadForm/draft.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';

type TextKey = { [K in keyof LoadDraft]: LoadDraft[K] extends string ? K : never }[keyof LoadDraft];

interface Props {
  field: TextKey;
  label: string;
  problem?: string | undefined;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  className?: string;
  /** "numeric" brings up digits on touch keyboards; wrk's "1k" still works. */
  inputMode?: 'numeric' | 'text' | 'url';
}

export function DraftField({ field, label, problem, hint, placeholder, multiline = false, className, inputMode }: Props) {
  const value = useLab((state) => state.loadDraft[field]);
  const { setLoadDraft } = useActions();
  const id = useId();
  const describedBy = problem !== undefined ? `${id}-problem` : hint !== undefined ? `${id}-hint` : undefined;
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': problem !== undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => setLoadDraft({ [field]: event.target.value }),
  };
  return (
    <label htmlFor={id} className={`field${problem !== undefined ? ' invalid' : ''}${className === undefined ? '' : ` ${className}`}`}>
      <span className="field-label">{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input inputMode={inputMode} {...common} />}
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
