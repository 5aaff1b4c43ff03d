import { describe, expect, it } from 'vitest';
import { simulatedRecord } from './testing/simulatedRuns.ts';
import type { RunRecord, ServerInfo } from './runRecord.ts';
import { describeSweepServer, sweepLabels, sweepServerFacts, type LabelledSweep, type SweepServerFacts } from './sweepServer.ts';

const record = (server: ServerInfo): RunRecord => ({ ...simulatedRecord(), server });
const launched = (profile: string | null, commit: string, dirty: boolean): ServerInfo => ({
  kind: 'launched',
  profile: profile === null ? null : { name: profile, command: ['./server'], cwd: '/srv', env: {}, shell: false, readiness: null, port: null } as never,
  command: ['./server', '--port', '8080'],
  shell: false,
  pid: 42,
  build: { cwd: '/srv', git: { commit, branch: 'main', dirty, diffStat: null }, executable: null },
  log: { text: '', droppedBytes: 0 },
  exit: null,
});

function facts(overrides: Partial<SweepServerFacts>): SweepServerFacts {
  return { model: null, profile: null, commit: null, command: null, url: 'http://127.0.0.1:7878/', sameForAllSteps: true, ...overrides };
}
const sweep = (server: Partial<SweepServerFacts> | null, title = 'sweep', startedAt = '2026-12-07T01:00:00Z'): LabelledSweep => ({ server: server === null ? null : facts(server), title, startedAt });

describe('sweepServerFacts', () => {
  it('reads the built-in model with the pool size, and a launched server’s profile and commit', () => {
    expect(sweepServerFacts([record({ kind: 'builtin', model: 'pool-shared', settings: { workers: 4 } })])).toMatchObject({ model: 'pool-shared ×4', profile: null, commit: null, sameForAllSteps: true });
    expect(sweepServerFacts([record({ kind: 'builtin', model: 'event-loop', settings: { workers: 4 } })])?.model).toBe('event-loop');
    expect(sweepServerFacts([record(launched('nginx', '0123456789abcdef0123', true))])).toMatchObject({ model: null, profile: 'nginx', commit: '0123456789ab+dirty', command: null });
    expect(sweepServerFacts([record(launched(null, 'fedcba9876543210', false))])).toMatchObject({ profile: null, commit: 'fedcba987654', command: './server --port 8080' });
  });

  it('keeps only the path of a built-in server’s URL: its port is whatever was free', () => {
    const at = (port: number): RunRecord => ({ ...record({ kind: 'builtin', model: 'single', settings: {} }), target: { ...simulatedRecord().target, url: `http://127.0.0.1:${port}/sleep?ms=20` } });
    expect(sweepServerFacts([at(40001)])?.url).toBe('/sleep?ms=20');
    expect(sweepServerFacts([at(40001)])?.url).toBe(sweepServerFacts([at(40002)])?.url);
  });

  it('says when the steps disagree, and is null without steps', () => {
    const mixed = sweepServerFacts([record({ kind: 'builtin', model: 'single', settings: {} }), record({ kind: 'builtin', model: 'event-loop', settings: {} })]);
    expect(mixed).toMatchObject({ model: 'single', sameForAllSteps: false });
    expect(sweepServerFacts([])).toBeNull();
  });
});

describe('sweepLabels', () => {
  it('names each sweep by the facts that differ only', () => {
    expect(sweepLabels([sweep({ model: 'pool-shared ×4' }), sweep({ model: 'event-loop' })])).toEqual(['pool-shared ×4', 'event-loop']);
    expect(sweepLabels([sweep({ profile: 'mine', commit: 'aaaa' }), sweep({ profile: 'mine', commit: 'bbbb+dirty' })])).toEqual(['@aaaa', '@bbbb+dirty']);
    expect(sweepLabels([sweep({ profile: 'a', commit: 'c1' }), sweep({ profile: 'b', commit: 'c2' })])).toEqual(['profile a · @c1', 'profile b · @c2']);
  });

  it('adds the title, then the start, when the servers read alike', () => {
    expect(sweepLabels([sweep({ model: 'single' }, 'before'), sweep({ model: 'single' }, 'after')])).toEqual(['before', 'after']);
    expect(sweepLabels([sweep({ model: 'single' }, 'same', '2026-12-07T01:00:00Z'), sweep({ model: 'single' }, 'same', '2026-12-07T02:00:00Z')])).toEqual([
      'same · 2026-12-07 01:00:00',
      'same · 2026-12-07 02:00:00',
    ]);
  });

  it('one sweep: its model or profile, else its title; an unknown server is a difference too', () => {
    expect(sweepLabels([sweep({ model: 'single' })])).toEqual(['single']);
    expect(sweepLabels([sweep({ profile: 'nginx' })])).toEqual(['profile nginx']);
    expect(sweepLabels([sweep(null, 'imported')])).toEqual(['imported']);
    expect(sweepLabels([sweep(null, 'x'), sweep({ model: 'single' }, 'y')])).toEqual(['x', 'single']);
  });
});

describe('sweepLabels, targets', () => {
  it('tells targets apart only after the title, and only known ones', () => {
    expect(sweepLabels([sweep({ model: 'event-loop', url: '/sleep?ms=10' }, 'a'), sweep({ model: 'event-loop', url: '/sleep-async?ms=10' }, 'b')])).toEqual(['a', 'b']);
    expect(sweepLabels([sweep({ model: 'event-loop', url: '/sleep?ms=10' }, 't'), sweep({ model: 'event-loop', url: '/sleep-async?ms=10' }, 't')])).toEqual([
      't · /sleep?ms=10',
      't · /sleep-async?ms=10',
    ]);
  });
});

describe('describeSweepServer', () => {
  it('says what is known, and that a URL Loadlab did not start is unknown', () => {
    expect(describeSweepServer(facts({ model: 'pool-shared ×4' }))).toBe('built-in pool-shared ×4');
    expect(describeSweepServer(facts({ profile: 'nginx', commit: 'abc' }))).toBe('profile nginx, commit abc');
    expect(describeSweepServer(facts({}))).toBe('unknown (a URL Loadlab did not start)');
    expect(describeSweepServer(null)).toBe('unknown');
  });
});
