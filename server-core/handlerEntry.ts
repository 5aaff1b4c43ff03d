// Where handler threads start from: built JavaScript (see threads/threadEntry.ts).
import { threadEntry } from '../threads/threadEntry.ts';

export function handlerThreadEntry(): Promise<URL> {
  return threadEntry(import.meta.url, 'handlerThread.js');
}
