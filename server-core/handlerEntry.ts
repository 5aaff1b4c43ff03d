// Where handler threads start from: plain JavaScript, never tsx (see threads/threadEntry.ts).
import { threadEntry } from '../threads/threadEntry.ts';

export function handlerThreadEntry(): Promise<URL> {
  return threadEntry(import.meta.url, new URL('./handlerThread.ts', import.meta.url), new URL('./handlerThread.js', import.meta.url), 'handler');
}
