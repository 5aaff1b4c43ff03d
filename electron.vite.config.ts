// electron-vite: main (ESM, deps external, plus the lab's thread entries), preload (one CommonJS
// file: sandboxed preloads cannot load ES modules or npm packages), renderer (React). Everything
// is written to out/.
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
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

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: fromRoot('out/main'),
      rollupOptions: {
        // The lab starts threads from files beside its own module (new URL('./…', import.meta.url)):
        // each thread entry is built to the name it is asked for, and shared chunks stay in the
        // same folder so those relative URLs hold in every chunk.
        input: {
          index: fromRoot('electron/main.ts'),
          serverThread: fromRoot('server-core/serverThread.ts'),
          handlerThread: fromRoot('server-core/handlerThread.ts'),
          'worker/main': fromRoot('bench-runner/worker/main.ts'),
          'worker/bootstrap': fromRoot('server-core/worker/bootstrap.js'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      rollupOptions: {
        input: { index: fromRoot('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: fromRoot('out/renderer'),
      rollupOptions: { input: fromRoot('renderer/index.html') },
    },
  },
});
