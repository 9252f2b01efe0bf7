#!/usr/bin/env node
// `npx hatrack …`: runs the TypeScript command line through tsx, so it works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
