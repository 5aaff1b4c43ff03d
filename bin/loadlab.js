#!/usr/bin/env node
// The `loadlab` command: runs the built CLI (out/main/cli.js). In a checkout, out/ is built first
// when it is missing or older than the sources (bin/build.js); `loadlab web` also needs the page.
import { ensureBuilt, isCheckout } from './build.js';

if (isCheckout()) {
  const parts = process.argv[2] === 'web' ? ['node', 'renderer'] : ['node'];
  try {
    ensureBuilt(parts, (line) => process.stderr.write(`${line}\n`));
  } catch (error) {
    process.stderr.write(`loadlab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const { main } = await import('../out/main/cli.js');
process.exitCode = await main(process.argv);
