import { describe, expect, it } from 'vitest';
import { LogBuffer } from './logTail.ts';

describe('LogBuffer', () => {
  it('keeps the last maxBytes and counts what it dropped', () => {
    const log = new LogBuffer(10);
    log.write(Buffer.from('0123456'), 'stdout');
    log.write(Buffer.from('789abc'), 'stderr');
    expect(log.tail()).toEqual({ text: '3456789abc', droppedBytes: 3 });
    log.write(Buffer.from('0123456789XYZ'), 'stdout');
    expect(log.tail()).toEqual({ text: '3456789XYZ', droppedBytes: 16 });
  });

  it('gives complete lines per stream to listeners, however the chunks are cut', () => {
    const log = new LogBuffer();
    const lines: string[] = [];
    log.onLine((line) => lines.push(line));
    log.write(Buffer.from('listen'), 'stdout');
    log.write(Buffer.from('warn\n'), 'stderr');
    log.write(Buffer.from('ing on 80\r\nnext'), 'stdout');
    expect(lines).toEqual(['warn', 'listening on 80']);
  });

  it('gives the last lines', () => {
    const log = new LogBuffer();
    expect(log.lastLines(20)).toEqual([]);
    log.write(Buffer.from('a\nb\nc\n'), 'stdout');
    expect(log.lastLines(2)).toEqual(['b', 'c']);
    log.write(Buffer.from('d'), 'stdout');
    expect(log.lastLines(2)).toEqual(['c', 'd']);
  });
});
