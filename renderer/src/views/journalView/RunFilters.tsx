// The journal list's search box and its tag and model filters.
import { useId } from 'react';
import type { RunFilter } from './filterRuns.ts';

interface Props {
  filter: RunFilter;
  setFilter(filter: RunFilter): void;
  tags: readonly string[];
  models: readonly string[];
}

export function RunFilters({ filter, setFilter, tags, models }: Props) {
  const ids = { search: useId(), tag: useId(), model: useId() };
  return (
    <div className="toolbar">
      <label htmlFor={ids.search} className="grow">
        <span className="visually-hidden">Search</span>
        <input id={ids.search} type="search" placeholder="Search title, notes, URL, model, tool, tag…" value={filter.text} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
      </label>
      <label htmlFor={ids.tag} className="inline">
        Tag
        <select id={ids.tag} value={filter.tag} onChange={(event) => setFilter({ ...filter, tag: event.target.value })}>
          <option value="">any</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.model} className="inline">
        Model
        <select id={ids.model} value={filter.model} onChange={(event) => setFilter({ ...filter, model: event.target.value })}>
          <option value="">any</option>
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
          <option value="external">not built-in</option>
        </select>
      </label>
    </div>
  );
}
