import { describe, expect, it } from 'vitest';
import { PROFILE_SCHEMA } from './serverProfile.ts';
import { buildLabel, runHeaderOf } from './runHeader.ts';
import type { RunRecord } from './runRecord.ts';
import { sampleMeasuredRecord } from './testing/sampleRecords.ts';

const launched = (git: { commit: string; branch: string | null; dirty: boolean; diffStat: string | null } | null, profile: boolean): RunRecord => ({
  ...sampleMeasuredRecord,
  server: {
    kind: 'launched',
    profile: profile ? { schema: PROFILE_SCHEMA, name: 'thread_pool3', command: ['./server'], shell: false, cwd: '/src', env: {}, url: null, ready: null, readyTimeoutMs: 30_000, restartEachRun: false, warmupMs: 0 } : null,
    command: ['./server'],
    shell: false,
    pid: 42,
    build: { cwd: '/src', git, executable: null },
    log: { text: '', droppedBytes: 0 },
    exit: null,
  },
});

describe('runHeaderOf: the server profile and the build', () => {
  it('a launched profile in git: its name, commit, branch and dirty flag', () => {
    const header = runHeaderOf(launched({ commit: 'a1b2c3d4e5f60718', branch: 'main', dirty: true, diffStat: ' src/main.rs | 2 +-' }, true));
    expect(header.serverProfile).toBe('thread_pool3');
    expect(header.build).toEqual({ commit: 'a1b2c3d4e5f60718', branch: 'main', dirty: true });
    expect(header.serverModel).toBeNull();
    expect(buildLabel(header.build ?? { commit: '', branch: null, dirty: false })).toBe('a1b2c3d, dirty');
  });

  it('unknown stays null: --server-cmd has no profile, a folder outside git no commit, the built-in server neither', () => {
    expect(runHeaderOf(launched(null, false))).toMatchObject({ serverProfile: null, build: null });
    expect(runHeaderOf(sampleMeasuredRecord)).toMatchObject({ serverProfile: null, build: null });
  });
});
