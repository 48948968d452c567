// Part of `npm run build`: bundles the compiled CLI (dist/) into a few files under dist/bundle/.
// Starting itaas means loading some 250 small ES modules (zod, yaml, commander and our own); one
// bundle with a chunk per lazily loaded command starts markedly faster. Packages that read files
// next to their own code (pdfkit's font data) or are only used interactively
// stay outside the bundle and load from node_modules as usual.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

// zod ships its messages in some fifty languages behind `z.locales`, half of its code. itaas words
// every message itself and zod's defaults are English: keep English only.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};
// Loading pdfkit took longer than laying out a whole report. What it does at load that a report never needs:
// - unicode-trie tables (Unicode properties, line breaking, the Arabic and Indic shapers) are inflated as the
//   modules load; they are built on first use instead (every user only calls get()).
// - fontkit's Brotli decoder (and its 120 KB dictionary) serves WOFF2 fonts only; itaas embeds its TrueType
//   DejaVu fonts.
// - the AES tables serve encrypted PDFs only; itaas never encrypts.
const pdfkitLean = {
  name: 'pdfkit-lean',
  setup(b) {
    const from = (args, pkg) => new RegExp(`[\\\\/]node_modules[\\\\/]${pkg}[\\\\/]`).test(args.importer);
    b.onResolve({ filter: /^unicode-trie$/ }, async (args) => {
      if (args.pluginData === 'real' || !['fontkit', 'unicode-properties', 'linebreak'].some((p) => from(args, p))) return undefined;
      const real = await b.resolve('unicode-trie', { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
      return { path: real.path, namespace: 'lazy-trie' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-trie' }, (args) => ({
      contents: `import UnicodeTrie from ${JSON.stringify(args.path)};
export default class LazyUnicodeTrie {
  constructor(data) { this.data = data; this.trie = undefined; }
  get(codePoint) { return (this.trie ??= new UnicodeTrie(this.data)).get(codePoint); }
}`,
      resolveDir: dirname(args.path),
    }));
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => (from(args, 'fontkit') ? { path: 'brotli', namespace: 'pdfkit-lean' } : undefined));
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, (args) => (from(args, 'pdfkit') ? { path: 'aes', namespace: 'pdfkit-lean' } : undefined));
    b.onLoad({ filter: /^brotli$/, namespace: 'pdfkit-lean' }, () => ({
      contents: `export default function decompress() { throw new Error('WOFF2 fonts are not supported'); }`,
    }));
    b.onLoad({ filter: /^aes$/, namespace: 'pdfkit-lean' }, () => ({
      contents: `const no = () => { throw new Error('encrypted PDFs are not supported'); };
export const cbc = no;
export const ecb = no;`,
    }));
  },
};

const bundled = await build({
  entryPoints: [join(root, 'dist', 'cli.js')],
  metafile: true,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __itaasRequire } from 'node:module'; const require = __itaasRequire(import.meta.url);" },
  external: ['@inquirer/*', 'dejavu-fonts-ttf', 'exceljs'],
  logLevel: 'warning',
  legalComments: 'none',
  // Without comments and indentation there is less to read and parse at each start; names are kept,
  // so a --debug stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [zodEnglishOnly, pdfkitLean],
});

// Which packages each file of the bundle holds (dist/bundle-packages.json), so that a test can tell which ones a
// command loads: the quick paths of report and validate must not load zod, yaml or commander.
const packagesOf = {};
for (const [out, { inputs }] of Object.entries(bundled.metafile.outputs)) {
  const names = new Set();
  for (const input of Object.keys(inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) names.add(m[1]);
  }
  packagesOf[out.replace(/^.*\//, '')] = [...names].sort();
}
writeFileSync(join(root, 'dist', 'bundle-packages.json'), `${JSON.stringify(packagesOf, null, 1)}\n`);

// Node keeps a source file that has a single non-ASCII character as two-byte text, and a comment is
// enough. esbuild escapes non-ASCII in strings; make sure nothing else slipped through.
for (const f of readdirSync(outdir)) {
  const text = readFileSync(join(outdir, f), 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`${f} holds a non-ASCII character at offset ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 20))}`);
}

// The survey form's script (checked by tsconfig.form.json) runs in the respondent's browser: one
// small self-contained file that `itaas form` inlines into the page and pins by hash. It is built
// from the same core/visibility source as the terminal interview.
await build({
  entryPoints: [join(root, 'src', 'form', 'client', 'main.ts')],
  outfile: join(root, 'dist', 'form', 'client.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  charset: 'ascii',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The top-level help off a terminal (80 columns) never changes between builds' runs: keep it, so
// `itaas --help` in scripts prints it without loading the command parser. On a terminal commander
// still renders it to the window's width.
rmSync(join(root, 'dist', 'help.txt'), { force: true });
const help = spawnSync(process.execPath, [join(outdir, 'cli.js'), '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
if (help.status !== 0 || !help.stdout.startsWith('Usage: itaas')) throw new Error(`cannot render the help: ${help.stderr}`);
writeFileSync(join(root, 'dist', 'help.txt'), help.stdout);
