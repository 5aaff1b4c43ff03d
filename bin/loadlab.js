#!/usr/bin/env node
// The `loadlab` command. Runs the TypeScript sources through tsx, so `npm install` is the only
// step before `npx loadlab` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
