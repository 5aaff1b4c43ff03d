// The journal list's search box and its tag, model, server profile and commit filters (the last
// two only when some run came from a profile).
import { useId } from 'react';
import type { RunFilter } from './filterRuns.ts';

interface Props {
  filter: RunFilter;
  setFilter(filter: RunFilter): void;
  tags: readonly string[];
  models: readonly string[];
  profiles: readonly string[];
  /** The builds of the runs of the profile picked (of all runs when none is). */
  builds: ReadonlyArray<{ key: string; label: string }>;
}

export function RunFilters({ filter, setFilter, tags, models, profiles, builds }: Props) {
  const ids = { search: useId(), tag: useId(), model: useId(), profile: useId(), build: useId() };
  return (
    <div className="toolbar">
      <label htmlFor={ids.search} className="grow">
        <span className="visually-hidden">Search</span>
        <input id={ids.search} type="search" placeholder="Search title, notes, URL, model, profile, commit, tool, tag…" value={filter.text} onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
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
      {profiles.length > 0 && (
        <label htmlFor={ids.profile} className="inline">
          Profile
          {/* A commit belongs to a profile's folder: picking another profile forgets the commit picked. */}
          <select id={ids.profile} value={filter.profile} onChange={(event) => setFilter({ ...filter, profile: event.target.value, build: '' })}>
            <option value="">any</option>
            {profiles.map((profile) => (
              <option key={profile} value={profile}>
                {profile}
              </option>
            ))}
          </select>
        </label>
      )}
      {(builds.length > 0 || filter.build !== '') && (
        <label htmlFor={ids.build} className="inline">
          Commit
          <select id={ids.build} value={filter.build} onChange={(event) => setFilter({ ...filter, build: event.target.value })}>
            <option value="">any</option>
            {builds.map((build) => (
              <option key={build.key} value={build.key}>
                {build.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
