// First step of `npm run build`: turns every module of src/ into JavaScript under dist/, one file per
// module, types removed and nothing else changed. It does not check types: `npm run typecheck` does
// (tsc, both projects), and CI runs it beside the linter. The survey form's browser script is built
// by scripts/bundle.mjs.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
// Whatever an earlier build left (a module since removed or renamed) must not linger to be loaded.
rmSync(dist, { recursive: true, force: true });

const modules = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(join('form', 'client')))
  .map((f) => join(src, f));

await build({
  entryPoints: modules,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
