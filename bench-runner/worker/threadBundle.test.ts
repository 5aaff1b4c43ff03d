// The load thread's built entry (out/main/worker/main.cjs, brought up to date by vitest's global
// setup) stays cheap to start: `bench -t12` starts twelve of them, and every module in it is loaded
// twelve times (BENCHMARKS.md, "Start-up, third run"). esbuild marks each bundled module with a
// `// node_modules/…` comment line, which is what this reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const entry = new URL('../../out/main/worker/main.cjs', import.meta.url);

describe('the load thread bundle', () => {
  const source = readFileSync(entry, 'utf8');
  const bundled = [...source.matchAll(/^\/\/ (?:\S*\/)?(node_modules\/\S+)$/gm)].map((match) => match[1] ?? '');

  it('is one CommonJS file that loads nothing of the project beside it', () => {
    expect(source).not.toMatch(/\brequire\("\.{1,2}\//);
    expect(source).not.toMatch(/^import /m);
  });

  it('holds no zod and not the parts of hdr-histogram-js it does not use (its WebAssembly build, its log reader and writer)', () => {
    expect(bundled.some((path) => path.includes('hdr-histogram-js/dist/Int32Histogram.js'))).toBe(true);
    expect(bundled.filter((path) => path.startsWith('node_modules/zod/'))).toEqual([]);
    expect(bundled.filter((path) => /hdr-histogram-js\/dist\/(wasm\/|HistogramLog|encoding\.js)/.test(path))).toEqual([]);
  });
});
