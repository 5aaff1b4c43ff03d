// The lab contract's method and event names as runtime values, for transports that must check a
// name or subscribe to every event. Only type imports from labApi.ts, so the sandboxed preload can
// bundle this without zod. `satisfies Record<…, true>` keeps each list equal to its type: a name
// missing here or not in the contract is a compile error.
import type { LabEventName, LabMethod } from './labApi.ts';

const methods = {
  'app.info': true,
  'server.start': true,
  'server.stop': true,
  'server.status': true,
  'run.start': true,
  'run.stop': true,
  'run.status': true,
  'run.samples': true,
  'target.check': true,
  'run.unsaved': true,
  'run.retrySave': true,
  'run.unsavedRecord': true,
  'run.discardUnsaved': true,
  'sweep.start': true,
  'sweep.stop': true,
  'sweep.status': true,
  'repeat.start': true,
  'repeat.stop': true,
  'repeat.status': true,
  'journal.repeats': true,
  'journal.repeat': true,
  'journal.list': true,
  'journal.trash': true,
  'journal.get': true,
  'journal.update': true,
  'journal.delete': true,
  'journal.restore': true,
  'journal.import': true,
  'journal.export': true,
  'journal.experiments': true,
  'journal.experiment': true,
  'journal.exportExperiment': true,
  'profiles.list': true,
  'profiles.get': true,
  'profiles.put': true,
  'profiles.remove': true,
  'profiles.start': true,
  'profiles.stop': true,
  'profiles.status': true,
  compare: true,
} as const satisfies Record<LabMethod, true>;

const events = {
  'server.status': true,
  'server.telemetry': true,
  'run.status': true,
  'run.sample': true,
  'run.finished': true,
  'run.failed': true,
  'run.saveFailed': true,
  'run.unsavedChanged': true,
  'sweep.status': true,
  'sweep.step': true,
  'sweep.finished': true,
  'sweep.failed': true,
  'repeat.status': true,
  'repeat.run': true,
  'repeat.finished': true,
  'repeat.failed': true,
  'journal.changed': true,
  'profiles.serverStatus': true,
  'profiles.telemetry': true,
} as const satisfies Record<LabEventName, true>;

export const labMethodNames = Object.keys(methods) as readonly LabMethod[];
export const labEventNames = Object.keys(events) as readonly LabEventName[];

export function isLabMethodName(name: unknown): name is LabMethod {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isLabEventName(name: unknown): name is LabEventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
