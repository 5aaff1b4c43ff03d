import { describe, expect, it } from 'vitest';
import { defaultDraft } from './draft.ts';
import { toRepeatParams } from './toRepeatParams.ts';

describe('toRepeatParams', () => {
  it('is null for a single run: the form starts an ordinary run', () => {
    expect(toRepeatParams({ ...defaultDraft, repeat: '1' }, 'event-loop')).toBeNull();
  });

  it('repeats the run of the form N times, one configuration when no other model is ticked', () => {
    const result = toRepeatParams({ ...defaultDraft, repeat: '3', duration: '1s', rate: '200' }, 'event-loop');
    expect(result).toMatchObject({ ok: true, params: { repeats: 3, models: [], durationMs: 1000, ratePerSec: 200, mode: 'rate' } });
  });

  it('alternates the server panel model first, then the ticked ones, without duplicates', () => {
    const result = toRepeatParams({ ...defaultDraft, repeat: '4', repeatWith: ['pool-shared', 'event-loop', 'pool-shared'] }, 'event-loop');
    expect(result).toMatchObject({ ok: true, params: { models: ['event-loop', 'pool-shared'] } });
  });

  it('ignores ticked models for a URL target (the lab cannot restart another server)', () => {
    const result = toRepeatParams({ ...defaultDraft, targetKind: 'url', url: 'http://127.0.0.1:9/', repeat: '2', repeatWith: ['single'] }, 'event-loop');
    expect(result).toMatchObject({ ok: true, params: { models: [] } });
  });

  it('names the Repeat field when it is wrong or the mode cannot repeat', () => {
    expect(toRepeatParams({ ...defaultDraft, repeat: '0' }, 'event-loop')).toMatchObject({ ok: false, problems: [{ field: 'repeat' }] });
    expect(toRepeatParams({ ...defaultDraft, repeat: '2.5' }, 'event-loop')).toMatchObject({ ok: false, problems: [{ field: 'repeat' }] });
    expect(toRepeatParams({ ...defaultDraft, repeat: '51' }, 'event-loop')).toMatchObject({ ok: false, problems: [{ field: 'repeat' }] });
    expect(toRepeatParams({ ...defaultDraft, mode: 'conn-rate', repeat: '2' }, 'event-loop')).toMatchObject({ ok: false, problems: [{ field: 'repeat', message: /rate or max/ }] });
  });

  it('passes on the run form problems', () => {
    expect(toRepeatParams({ ...defaultDraft, repeat: '2', threads: 'x' }, 'event-loop')).toMatchObject({ ok: false, problems: [{ field: 'threads' }] });
  });
});
