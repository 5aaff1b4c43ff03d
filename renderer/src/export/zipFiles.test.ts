// A Markdown export downloads as one .zip that holds the .md and every chart it links to.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bundleFiles } from './zipFiles.ts';

describe('bundleFiles', () => {
  it('leaves a single file as it is', () => {
    expect(bundleFiles([{ name: 'r.html', content: '<p>' }])).toEqual([{ name: 'r.html', content: '<p>' }]);
  });

  it('zips several into a folder named after the first, each file intact', () => {
    const files = [
      { name: 'loadlab-runs.md', content: '![spectrum](a-spectrum.svg)\n' },
      { name: 'a-spectrum.svg', content: '<svg>é</svg>' },
      { name: 'compare-p99.svg', content: '<svg/>' },
    ];
    const [zip, ...rest] = bundleFiles(files);
    expect(rest).toEqual([]);
    expect(zip?.name).toBe('loadlab-runs.zip');
    if (!(zip?.content instanceof Uint8Array)) throw new Error('expected bytes');
    const unpacked = unzipSync(zip.content);
    expect(Object.keys(unpacked).sort()).toEqual(['loadlab-runs/a-spectrum.svg', 'loadlab-runs/compare-p99.svg', 'loadlab-runs/loadlab-runs.md']);
    expect(strFromU8(unpacked['loadlab-runs/a-spectrum.svg'] ?? new Uint8Array())).toBe('<svg>é</svg>');
  });
});
