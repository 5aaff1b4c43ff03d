// Each command is loaded only when asked for, so `loadlab --help` loads none of the heavy parts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main.ts';

/**
 * Modules the built file imports statically, following relative chunks (not dynamic import()):
 * chunks by URL, packages by name.
 */
function staticImports(file: URL, seen = new Set<string>()): Set<string> {
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/^import\s[^;]*?["']([^"']+)["'];?$/gm)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) {
      const chunk = new URL(specifier, file);
      if (!seen.has(chunk.href)) {
        seen.add(chunk.href);
        staticImports(chunk, seen);
      }
    } else {
      seen.add(specifier);
    }
  }
  return seen;
}

describe('the commands', () => {
  it('each loads the command of its name', async () => {
    for (const { name, load } of COMMANDS) expect((await load()).name()).toBe(name);
    expect(COMMANDS.map((c) => c.name)).toEqual(['bench', 'httperf', 'serve', 'web', 'journal', 'sweep', 'server', 'kube']);
  });

  it('the built CLI entry (out/main/cli.js) loads no command, nor zod, hdr-histogram-js or ws, until one is asked for', () => {
    const entry = new URL('../out/main/cli.js', import.meta.url);
    const imports = staticImports(entry);
    expect(imports.has('commander')).toBe(true);
    for (const heavy of ['zod', 'hdr-histogram-js', 'ws']) expect(imports.has(heavy)).toBe(false);
    // zod and hdr-histogram-js are bundled into chunks (electron.vite.config.ts): what --help
    // parses stays small, well under one of those chunks.
    const chunks = [entry, ...[...imports].filter((name) => name.startsWith('file:')).map((href) => new URL(href))];
    const bytes = chunks.reduce((sum, chunk) => sum + readFileSync(chunk).length, 0);
    expect(bytes).toBeLessThan(32 * 1024);
  });
});
