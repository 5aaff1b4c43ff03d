// electron-vite: main (ESM, dependencies external but for two bundled ones: Electron's main, the CLI and
// every worker-thread entry), preload (one CommonJS file: sandboxed preloads cannot load ES modules
// or npm packages), renderer (React). Everything that runs is written to out/; nothing is transpiled at
// run time.
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Only for the dev server: React refresh injects an inline script, Vite injects <style> tags and
 * talks to its HMR WebSocket. Built files keep the strict policy written in index.html.
 */
const DEV_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function devContentSecurityPolicy(): Plugin {
  const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;
  return {
    name: 'loadlab:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!cspMeta.test(html)) throw new Error('renderer/index.html lost its Content-Security-Policy meta tag');
      return html.replace(cspMeta, `$1${DEV_CSP}$2`);
    },
  };
}

/**
 * The load thread's entry as one CommonJS file (out/main/worker/main.cjs), written with the main
 * build. Twelve load threads start for `bench -t12`, and each pays for its module loading: a
 * CommonJS entry skips Node's ES module loader in the thread (measured: about 9 ms of CPU less per
 * thread than the same code as ES module chunks; BENCHMARKS.md, "Start-up"). Everything it imports
 * is bundled into it (node:* stays external); it shares no chunk with the rest of out/main/.
 */
function loadThreadEntry(): Plugin {
  return {
    name: 'loadlab:load-thread-entry',
    async generateBundle() {
      const result = await esbuild({
        entryPoints: [fromRoot('bench-runner/worker/main.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        write: false,
        legalComments: 'none',
        // hdr-histogram-js finds Node's zlib through eval('require("zlib")'), which works in CommonJS.
        logOverride: { 'direct-eval': 'silent' },
      });
      const [output] = result.outputFiles;
      if (output === undefined || result.outputFiles.length !== 1) throw new Error('the load thread entry did not build into one file');
      this.emitFile({ type: 'asset', fileName: 'worker/main.cjs', source: output.text });
    },
  };
}

/**
 * `node` or `renderer` builds only that part (bin/build.js, when only it is out of date); unset,
 * everything (`npm run build`). Each part has its own output folders, so the other stays as it is.
 */
const only = process.env['LOADLAB_BUILD_ONLY'];
if (only !== undefined && only !== 'node' && only !== 'renderer') throw new Error(`LOADLAB_BUILD_ONLY must be node or renderer, got "${only}"`);

export default defineConfig({
  main: only === 'renderer' ? undefined : {
    // zod and hdr-histogram-js are bundled: one parsed file instead of dozens of modules resolved
    // and read at every start, in every load thread too (hdr-histogram-js's CommonJS files cost a
    // load thread about a third more CPU to start). commander and ws stay runtime dependencies.
    plugins: [externalizeDepsPlugin({ exclude: ['hdr-histogram-js', 'zod'] }), loadThreadEntry()],
    build: {
      outDir: fromRoot('out/main'),
      rollupOptions: {
        // Threads start from these entries by their path relative to out/main/ (threads/threadEntry.ts):
        // each is built to the name it is asked for, and shared chunks stay in out/main/ itself so
        // that path holds from every chunk. bin/loadlab.js imports cli.js. The load thread's entry,
        // worker/main.cjs, is written by loadThreadEntry() above.
        input: {
          index: fromRoot('electron/main.ts'),
          cli: fromRoot('cli/main.ts'),
          serverThread: fromRoot('server-core/serverThread.ts'),
          handlerThread: fromRoot('server-core/handlerThread.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: only === 'renderer' ? undefined : {
    build: {
      outDir: fromRoot('out/preload'),
      rollupOptions: {
        input: { index: fromRoot('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: only === 'node' ? undefined : {
    root: fromRoot('renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: fromRoot('out/renderer'),
      rollupOptions: { input: fromRoot('renderer/index.html') },
    },
  },
});
