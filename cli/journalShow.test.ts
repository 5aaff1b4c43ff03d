// `journal show` names the server a run measured: a launched profile is not "unknown".
import { expect, test } from 'vitest';
import { PROFILE_SCHEMA } from '../common/serverProfile.ts';
import { sampleMeasuredRecord } from '../common/testing/sampleRecords.ts';
import { describeRun } from './journal.ts';

test('a run from a profile shows the profile, command, build and crash', () => {
  const text = describeRun({
    ...sampleMeasuredRecord,
    server: {
      kind: 'launched',
      profile: { schema: PROFILE_SCHEMA, name: 'rust-pool', command: ['./server'], shell: false, cwd: '/src', env: {}, url: null, ready: null, readyTimeoutMs: 30_000, restartEachRun: false, warmupMs: 0 },
      command: ['./server'],
      shell: false,
      pid: 99,
      build: { cwd: '/src', git: { commit: '0123456789ab', branch: 'pool3', dirty: false, diffStat: null }, executable: null },
      log: { text: 'listening\n', droppedBytes: 0 },
      exit: { code: 101, signal: null, atRunMs: 2500 },
    },
  });
  expect(text).toContain('server:   profile rust-pool: ./server @ 0123456 on pool3; server exited with code 101 at t = 2.5 s');
});
