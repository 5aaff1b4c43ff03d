// Experiments in the journal folder: experiments/<id>.json, written atomically like runs.
// A file that is not a readable experiment is reported by name and left as it is.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { anyExperimentRecordSchema, experimentRecordSchema, repeatExperimentRecordSchema, type AnyExperimentRecord, type ExperimentRecord, type RepeatExperimentRecord } from '../../common/experimentRecord.ts';
import { isLeftoverTemp, writeFileAtomic } from './atomicWrite.ts';
import { assertRunId, JournalError, type JournalProblem } from './journal.ts';
import { errorMessage } from '../../common/errorMessage.ts';

export interface ExperimentStore {
  list(): Promise<{ experiments: ExperimentRecord[]; problems: JournalProblem[] }>;
  get(id: string): Promise<ExperimentRecord>;
  put(record: ExperimentRecord): Promise<void>;
  /** Repeats (kind 'repeat') live in the same folder; `list` and `get` above are sweeps only. */
  listRepeats(): Promise<RepeatExperimentRecord[]>;
  getRepeat(id: string): Promise<RepeatExperimentRecord>;
  putRepeat(record: RepeatExperimentRecord): Promise<void>;
}

export async function openExperiments(journalDir: string): Promise<ExperimentStore> {
  const dir = join(journalDir, 'experiments');
  await mkdir(dir, { recursive: true });
  const pathOf = (id: string): string => {
    assertRunId(id);
    return join(dir, `${id}.json`);
  };
  const parse = (text: string, file: string): AnyExperimentRecord => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new JournalError(`${file}: not JSON (${errorMessage(error)})`, 'damaged');
    }
    const parsed = anyExperimentRecordSchema.safeParse(json);
    if (!parsed.success) throw new JournalError(`${file}: not a Loadlab experiment (${parsed.error.issues[0]?.message ?? 'invalid'})`, 'damaged');
    return parsed.data;
  };
  const read = async (id: string): Promise<AnyExperimentRecord> => {
    let text: string;
    try {
      text = await readFile(pathOf(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalError(`no experiment ${id} in the journal`, 'not-found');
      throw error;
    }
    return parse(text, `${id}.json`);
  };
  return {
    async list() {
      const experiments: ExperimentRecord[] = [];
      const problems: JournalProblem[] = [];
      for (const file of (await readdir(dir)).sort()) {
        if (!file.endsWith('.json') || isLeftoverTemp(file)) continue;
        try {
          const record = parse(await readFile(join(dir, file), 'utf8'), file);
          if (record.kind === 'sweep') experiments.push(record);
        } catch (error) {
          problems.push({ file: join('experiments', file), reason: errorMessage(error) });
        }
      }
      experiments.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return { experiments, problems };
    },
    async get(id) {
      const record = await read(id);
      if (record.kind !== 'sweep') throw new JournalError(`experiment ${id} is a repeat, not a sweep`, 'not-found');
      return record;
    },
    async put(record) {
      const checked = experimentRecordSchema.parse(record);
      await writeFileAtomic(pathOf(checked.id), `${JSON.stringify(checked, null, 2)}\n`);
    },
    async listRepeats() {
      const repeats: RepeatExperimentRecord[] = [];
      for (const file of (await readdir(dir)).sort()) {
        if (!file.endsWith('.json') || isLeftoverTemp(file)) continue;
        try {
          const record = parse(await readFile(join(dir, file), 'utf8'), file);
          if (record.kind === 'repeat') repeats.push(record);
        } catch {
          // Damaged files are reported by list(); the repeats list only leaves them out.
        }
      }
      return repeats.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    async getRepeat(id) {
      const record = await read(id);
      if (record.kind !== 'repeat') throw new JournalError(`experiment ${id} is a sweep, not a repeat`, 'not-found');
      return record;
    },
    async putRepeat(record) {
      const checked = repeatExperimentRecordSchema.parse(record);
      await writeFileAtomic(pathOf(checked.id), `${JSON.stringify(checked, null, 2)}\n`);
    },
  };
}
