// `npm start`: build into out/ what is missing or older than its sources (bin/build.js), then run
// Electron on this folder. Plain Node ESM so it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../bin/build.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const NOT_INSTALLED = `loadlab: Electron's binary is not installed (npm install runs no install scripts here, so the \
electron package never downloaded it), so the desktop app cannot start. Use the same app in your browser \
instead: run \`npx loadlab web\` and it opens Loadlab at a local address. Where GitHub is reachable, \
\`npm run electron:install\` downloads Electron and \`npm start\` then opens the desktop app.`;

const HELP = 'Without Electron, `npx loadlab web` runs the same app in your browser.';

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The electron package exports the binary's path, and throws when it was never downloaded. */
async function electronBinary() {
  try {
    const { default: binary } = await import('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function buildIfStale() {
  try {
    ensureBuilt(['node', 'renderer'], (line) => console.error(line), root);
  } catch (error) {
    fail(`loadlab: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const binary = await electronBinary();
if (binary === null) fail(NOT_INSTALLED);
buildIfStale();

// Electron started from a shell that has ELECTRON_RUN_AS_NODE set would act as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
child.on('error', (error) => fail(`loadlab: could not start Electron at ${binary}: ${error.message}\n${HELP}`));
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
