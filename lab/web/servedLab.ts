// What a transport needs from the lab: calls and events. The lab's own `close` stays with
// whoever created it (the CLI command or Electron main), not with the transport.
import type { Lab } from '../lab.ts';

export type ServedLab = Pick<Lab, 'call' | 'on'>;
