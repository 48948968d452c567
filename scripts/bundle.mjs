// Part of `npm run build`: bundles the compiled CLI (dist/) into a few files under dist/bundle/.
// Starting itaas means loading some 250 small ES modules (zod, yaml, commander and our own); one
// bundle with a chunk per lazily loaded command starts markedly faster. Packages that read files
// next to their own code (pdfkit's font data, write-file-atomic) or are only used interactively
// stay outside the bundle and load from node_modules as usual.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __itaasRequire } from 'node:module'; const require = __itaasRequire(import.meta.url);" },
  external: ['pdfkit', 'write-file-atomic', '@inquirer/*', 'dejavu-fonts-ttf'],
  logLevel: 'warning',
  legalComments: 'none',
});
