// A server's stdout and stderr as they came, the last `maxBytes` of them, with the count of bytes
// dropped before them. Complete lines go to listeners (the log-line readiness check).
import type { LogTail } from '../common/serverProfile.ts';

export const LOG_TAIL_BYTES = 1024 * 1024;

export class LogBuffer {
  private chunks: Buffer[] = [];
  private keptBytes = 0;
  private dropped = 0;
  /** The unfinished last line of each stream, for line listeners. */
  private partial = new Map<string, string>();
  private lineListeners = new Set<(line: string) => void>();
  private dataListeners = new Set<(chunk: Buffer, stream: 'stdout' | 'stderr') => void>();

  constructor(private readonly maxBytes: number = LOG_TAIL_BYTES) {}

  write(chunk: Buffer, stream: 'stdout' | 'stderr'): void {
    this.chunks.push(chunk);
    this.keptBytes += chunk.length;
    while (this.keptBytes > this.maxBytes) {
      const first = this.chunks[0];
      if (first === undefined) break;
      const excess = this.keptBytes - this.maxBytes;
      if (first.length <= excess) {
        this.chunks.shift();
        this.keptBytes -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.keptBytes -= excess;
        this.dropped += excess;
      }
    }
    for (const listener of this.dataListeners) listener(chunk, stream);
    if (this.lineListeners.size === 0) return;
    const text = (this.partial.get(stream) ?? '') + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial.set(stream, lines.pop() ?? '');
    for (const line of lines) for (const listener of this.lineListeners) listener(line.replace(/\r$/, ''));
  }

  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  }

  /** Every chunk as it comes (to show the log live). */
  onData(listener: (chunk: Buffer, stream: 'stdout' | 'stderr') => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  tail(): LogTail {
    return { text: Buffer.concat(this.chunks).toString('utf8'), droppedBytes: this.dropped };
  }

  /** The last `count` lines kept (a last line without its newline included). */
  lastLines(count: number): string[] {
    const lines = this.tail().text.replace(/\n$/, '').split('\n');
    return lines.length === 1 && lines[0] === '' ? [] : lines.slice(-count);
  }
}
