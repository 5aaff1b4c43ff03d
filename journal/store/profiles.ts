// Server profiles in the journal folder, beside the runs, so one backup keeps both:
//   servers/<name>.json   one profile each ("schema": "loadlab.server/1"), written atomically
// A file that is not a readable profile is reported by name and left exactly as it is.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PROFILE_NAME_PATTERN, savableProfileSchema, serverProfileSchema, type ServerProfile } from '../../common/serverProfile.ts';
import { isLeftoverTemp, writeFileAtomic } from './atomicWrite.ts';
import { errorMessage } from '../../common/errorMessage.ts';
import { describeZodIssues } from '../../common/zodIssues.ts';

export class ProfileError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'exists' | 'invalid-name' | 'invalid' | 'damaged',
  ) {
    super(message);
    this.name = 'ProfileError';
  }
}

export interface ProfileListing {
  profiles: ServerProfile[];
  problems: Array<{ file: string; reason: string }>;
}

export interface ProfileStore {
  readonly dir: string;
  list(): Promise<ProfileListing>;
  get(name: string): Promise<ServerProfile>;
  /** Adds a profile checked with savableProfileSchema ('invalid', naming each problem); with `replace: false` an existing one of the same name is refused ('exists'). */
  put(profile: ServerProfile, options: { replace: boolean }): Promise<void>;
  remove(name: string): Promise<void>;
}

function assertName(name: string): void {
  if (!PROFILE_NAME_PATTERN.test(name)) throw new ProfileError(`not a profile name: ${JSON.stringify(name)} (1-64 letters, digits, ".", "_" or "-")`, 'invalid-name');
}

export async function openProfileStore(journalDir: string): Promise<ProfileStore> {
  const dir = join(journalDir, 'servers');
  await mkdir(dir, { recursive: true });
  const pathOf = (name: string): string => {
    assertName(name);
    return join(dir, `${name}.json`);
  };

  async function readProfile(file: string): Promise<ServerProfile> {
    const text = await readFile(join(dir, file), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ProfileError(`${file}: not JSON (${errorMessage(error)})`, 'damaged');
    }
    const parsed = serverProfileSchema.safeParse(json);
    if (!parsed.success) {
      const issues = describeZodIssues(parsed.error, { wholeValue: '(profile)', limit: 3 });
      throw new ProfileError(`${file}: not a Loadlab server profile: ${issues.join('; ')}`, 'damaged');
    }
    if (`${parsed.data.name}.json` !== file) throw new ProfileError(`${file}: holds profile ${parsed.data.name}; the file name must be ${parsed.data.name}.json`, 'damaged');
    return parsed.data;
  }

  return {
    dir,
    async list() {
      const profiles: ServerProfile[] = [];
      const problems: ProfileListing['problems'] = [];
      for (const name of (await readdir(dir)).sort()) {
        if (name.startsWith('.')) {
          if (isLeftoverTemp(name)) await rm(join(dir, name), { force: true });
          continue;
        }
        if (!name.endsWith('.json')) {
          problems.push({ file: name, reason: 'not a server profile (only <name>.json files belong here); left as it is' });
          continue;
        }
        try {
          profiles.push(await readProfile(name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          problems.push({ file: name, reason: error instanceof Error ? error.message.replace(`${name}: `, '') : String(error) });
        }
      }
      return { profiles, problems };
    },
    async get(name) {
      pathOf(name);
      try {
        return await readProfile(`${name}.json`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ProfileError(`no server profile ${name} in ${dir}`, 'not-found');
        throw error;
      }
    },
    async put(profile, { replace }) {
      const parsed = savableProfileSchema.safeParse(profile);
      if (!parsed.success) throw new ProfileError(`server profile ${profile.name}: ${describeZodIssues(parsed.error, { wholeValue: '(profile)' }).join('; ')}`, 'invalid');
      const valid = parsed.data;
      const path = pathOf(valid.name);
      if (!replace) {
        const exists = await readFile(path).then(
          () => true,
          () => false,
        );
        if (exists) throw new ProfileError(`a server profile ${valid.name} exists already (server rm ${valid.name} first)`, 'exists');
      }
      await writeFileAtomic(path, `${JSON.stringify(valid, null, 2)}\n`);
    },
    async remove(name) {
      const path = pathOf(name);
      try {
        await rm(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ProfileError(`no server profile ${name} in ${dir}`, 'not-found');
        throw error;
      }
    },
  };
}
