// One text field of the load form, with its problem (if any) under it.
import type { LoadDraft } from '../../loadForm/draft.ts';
import { useActions, useLab } from '../../store/LabContext.tsx';
import { Field } from '../../ui/Field.tsx';

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
  return (
    <Field label={label} problem={problem} hint={hint} className={className}>
      {(control) => {
        const common = { ...control, value, placeholder, onChange: (event: { target: { value: string } }) => setLoadDraft({ [field]: event.target.value }) };
        return multiline ? <textarea rows={3} {...common} /> : <input inputMode={inputMode} {...common} />;
      }}
    </Field>
  );
}
