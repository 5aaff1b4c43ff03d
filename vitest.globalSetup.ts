// Before any test: out/ brought up to date with the sources (bin/build.js), as `npx loadlab`
// does. Tests start worker threads from the built entries in out/main/ (threads/threadEntry.ts),
// and spawn bin/loadlab.js, which runs out/main/cli.js. Only the node part is built here; the page
// (`loadlab web`) is built by bin/loadlab.js when a test runs that command.
import { ensureBuilt } from './bin/build.js';

export default function setup(): void {
  ensureBuilt(['node'], (line) => process.stderr.write(`${line}\n`));
}
