// What pasting a command line gives the load form.
import type { LoadDraft } from '../loadForm/draft.ts';

export type CommandTool = 'wrk' | 'wrk2' | 'httperf' | 'loadlab bench' | 'loadlab httperf';

export type ParsedCommand =
  | {
      ok: true;
      tool: CommandTool;
      /** Every load field the command sets or leaves at the tool's default; the target only when given. */
      changes: Partial<LoadDraft>;
      /** What was read differently or left out, in words. */
      notes: string[];
    }
  | { ok: false; problems: string[] };
