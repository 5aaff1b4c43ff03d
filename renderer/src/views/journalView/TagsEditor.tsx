// The run's tags: remove one with its ×, add with the field (Enter or comma).
import { useId, useState } from 'react';
import type { RunRecord } from '../../../../common/runRecord.ts';
import { useActions } from '../../store/LabContext.tsx';

export function TagsEditor({ record }: { record: RunRecord }) {
  const [text, setText] = useState('');
  const { updateRun } = useActions();
  const id = useId();
  const add = (): void => {
    const added = text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !record.tags.includes(tag));
    setText('');
    if (added.length > 0) void updateRun(record.id, { tags: [...record.tags, ...added] });
  };
  return (
    <div className="tags-editor">
      <span className="field-label">Tags</span>
      {record.tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => void updateRun(record.id, { tags: record.tags.filter((other) => other !== tag) })}>
            ×
          </button>
        </span>
      ))}
      <label htmlFor={id} className="visually-hidden">
        Add tags
      </label>
      <input
        id={id}
        className="tag-input"
        placeholder="add tag…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
    </div>
  );
}
