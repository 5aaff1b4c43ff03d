// A stand-in lab for transport tests: validates params like the real one, answers app.info,
// counts imported files, says 'busy' to run.start, and emits events on demand.
import { LabError, parseLabParams, type AppInfo, type LabEventName, type LabEvents, type LabMethod, type LabResults } from '../../../common/labApi.ts';
import type { ServedLab } from '../servedLab.ts';

export interface FakeLab extends ServedLab {
  emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void;
  listenerCount(): number;
  calls: { method: LabMethod; params: unknown }[];
}

export const fakeAppInfo: AppInfo = { version: '0.1.0', electron: null, node: process.versions.node, host: 'web', journalDir: '/tmp/fake-journal' };

export function createFakeLab(): FakeLab {
  const listeners = new Map<LabEventName, Set<(payload: never) => void>>();
  const calls: FakeLab['calls'] = [];

  async function answer(method: LabMethod, params: unknown): Promise<LabResults[LabMethod]> {
    const parsed = parseLabParams(method, params);
    calls.push({ method, params: parsed });
    switch (method) {
      case 'app.info':
        return fakeAppInfo;
      case 'journal.import': {
        const { files } = parseLabParams('journal.import', params);
        return { added: [], existing: [], refused: [], errors: files.map((file) => ({ file: file.name, message: `${file.text.length} characters, not a report` })), warnings: [] };
      }
      case 'run.start':
        throw new LabError('busy', 'run.start: a run is going already');
      default:
        throw new LabError('failed', `${method}: not in the fake lab`);
    }
  }

  return {
    calls,
    call<M extends LabMethod>(method: M, params: unknown): Promise<LabResults[M]> {
      return answer(method, params) as Promise<LabResults[M]>;
    },
    on<E extends LabEventName>(event: E, listener: (payload: LabEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void {
      for (const listener of listeners.get(event) ?? []) (listener as (payload: LabEvents[E]) => void)(payload);
    },
    listenerCount() {
      return [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
    },
  };
}
