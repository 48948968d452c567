#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

const cli = new URL('../dist/bundle/cli.js', import.meta.url);
// An installed package always has dist/ (it is built when packed). A checkout is built by
// `npm install` (the "dependencies" script); one installed with --ignore-scripts is not.
if (!existsSync(cli)) {
  process.stderr.write('error: itaas is not built yet; in the itaas folder run: npm run build\n');
  process.exit(2);
}
// Node 22.1+ can keep V8's compiled code between runs, which saves most of the bundle's compile time
// on every start; Node 20 has no such cache and starts exactly as before.
module.enableCompileCache?.();
await import(cli.href);
