// Experiments in the journal folder: experiments/<id>.json, written atomically like runs.
// A file that is not a readable experiment is reported by name and left as it is.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { experimentRecordSchema, type ExperimentRecord } from '../../common/experimentRecord.ts';
import { isLeftoverTemp, writeFileAtomic } from './atomicWrite.ts';
import { assertRunId, JournalError, type JournalProblem } from './journal.ts';
import { errorMessage } from '../../common/errorMessage.ts';

export interface ExperimentStore {
  list(): Promise<{ experiments: ExperimentRecord[]; problems: JournalProblem[] }>;
  get(id: string): Promise<ExperimentRecord>;
  put(record: ExperimentRecord): Promise<void>;
}

export async function openExperiments(journalDir: string): Promise<ExperimentStore> {
  const dir = join(journalDir, 'experiments');
  await mkdir(dir, { recursive: true });
  const pathOf = (id: string): string => {
    assertRunId(id);
    return join(dir, `${id}.json`);
  };
  const parse = (text: string, file: string): ExperimentRecord => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new JournalError(`${file}: not JSON (${errorMessage(error)})`, 'damaged');
    }
    const parsed = experimentRecordSchema.safeParse(json);
    if (!parsed.success) throw new JournalError(`${file}: not a Loadlab experiment (${parsed.error.issues[0]?.message ?? 'invalid'})`, 'damaged');
    return parsed.data;
  };
  return {
    async list() {
      const experiments: ExperimentRecord[] = [];
      const problems: JournalProblem[] = [];
      for (const file of (await readdir(dir)).sort()) {
        if (!file.endsWith('.json') || isLeftoverTemp(file)) continue;
        try {
          experiments.push(parse(await readFile(join(dir, file), 'utf8'), file));
        } catch (error) {
          problems.push({ file: join('experiments', file), reason: errorMessage(error) });
        }
      }
      experiments.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return { experiments, problems };
    },
    async get(id) {
      let text: string;
      try {
        text = await readFile(pathOf(id), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JournalError(`no experiment ${id} in the journal`, 'not-found');
        throw error;
      }
      return parse(text, `${id}.json`);
    },
    async put(record) {
      const checked = experimentRecordSchema.parse(record);
      await writeFileAtomic(pathOf(checked.id), `${JSON.stringify(checked, null, 2)}\n`);
    },
  };
}
