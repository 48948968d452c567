// npm run bench: the figures of the speed targets (start-up, validating one answers file, reports in the
// usual format sets, a large batch) and one report per format, each as a ratio to a bare `node -e 0`
// measured in the same run (machines are noisy; ratios travel).
//
//   BENCH_RUNS=11        repetitions of each single-run figure (median reported)
//   BENCH_BATCH=1000,5000   batch sizes (md+json in one process)
//   BENCH_NODE=/path/to/node   the Node to measure (default: the one running this script)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'itaas.js');
const rssHook = join(root, 'bench', 'maxrss.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const BATCHES = (process.env.BENCH_BATCH ?? '1000,5000').split(',').map(Number);
const NODE = process.env.BENCH_NODE || process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'itaas-bench-'));
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };

function run(args, { rss = false } = {}) {
  const rssFile = join(tmp, 'rss');
  const nodeArgs = rss ? ['--import', `file://${rssHook}`, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(NODE, nodeArgs, { env: { ...env, ITAAS_BENCH_RSS: rss ? rssFile : '' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return { ms, rssKb: rss ? Number(readFileSync(rssFile, 'utf8')) : null, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Which report formats this build has: an unknown one is a usage error (exit 2).
function available(format) {
  const r = spawnSync(NODE, [bin, 'report', join(root, 'examples', 'northwind-logistics.yaml'), '--out', join(tmp, 'probe'), '--format', format], { env, encoding: 'utf8' });
  return r.status === 0;
}

const example = join(root, 'examples', 'northwind-logistics.yaml');
const out = join(tmp, 'out');
// The figures with targets first (ratio to `node -e 0`), then one report per format.
const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['itaas --version', [bin, '--version'], 1.2],
  ['itaas --help', [bin, '--help'], 1.2],
  ['validate one answers file', [bin, 'validate', example], 2.2],
  ['report --format md,json', [bin, 'report', example, '--out', out, '--format', 'md,json'], 2.5],
  ['report --format md,json,html', [bin, 'report', example, '--out', out, '--format', 'md,json,html'], 2.8],
  ['report (default: md, json, html, pdf)', [bin, 'report', example, '--out', out], 6],
  ['validate built-in questionnaire', [bin, 'validate', join(root, 'questionnaires', 'itaas-core.yaml')]],
];
const formats = ['md', 'json', 'csv', 'html', 'pdf'].filter(available);
for (const f of formats) cases.push([`report ${f}`, [bin, 'report', example, '--out', out, '--format', f]]);
const hasHtml = formats.includes('html');

// Interleave the cases so that a slow patch of the machine hits all of them alike.
const times = new Map(cases.map(([name]) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) times.get(name).push(run(args).ms);
const version = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
const base = median(times.get('node -e 0 (baseline)'));

// Generated answers files: the examples with answers varied deterministically. Only questions that no
// condition refers to are varied, so every file stays valid.
function generate(n, dir) {
  mkdirSync(dir, { recursive: true });
  const q = parse(readFileSync(join(root, 'questionnaires', 'itaas-core.yaml'), 'utf8'));
  const referenced = new Set([...JSON.stringify(q).matchAll(/"question":"([^"]+)"/g)].map((m) => m[1]));
  const options = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x.options.map((o) => o.id)])));
  const sources = ['northwind-logistics.yaml', 'meridian-health.yaml'].map((f) => parse(readFileSync(join(root, 'examples', f), 'utf8')));
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const files = [];
  for (let i = 0; i < n; i++) {
    const doc = structuredClone(sources[i % 2]);
    doc.assessment.organisation = `Unit ${String(i).padStart(4, '0')}`;
    for (const r of doc.respondents) {
      for (const [id, a] of Object.entries(r.answers)) {
        const opts = options.get(id);
        if (referenced.has(id) || !opts || rand() < 0.5) continue;
        const option = opts[Math.floor(rand() * opts.length)];
        r.answers[id] = typeof a === 'string' ? option : { ...a, option };
      }
    }
    const file = join(dir, `unit-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, stringify(doc));
    files.push(file);
  }
  return files;
}

const batches = [];
for (const n of BATCHES) {
  const files = generate(n, join(tmp, `answers-${n}`));
  const reps = n <= 1000 ? 3 : 1;
  const runs = [];
  for (let i = 0; i < reps; i++) {
    rmSync(join(tmp, `reports-${n}`), { recursive: true, force: true });
    runs.push(run([bin, 'report', ...files, '--out', join(tmp, `reports-${n}`), '--format', 'md,json'], { rss: true }));
  }
  const ms = median(runs.map((r) => r.ms));
  batches.push({ n, ms, perFile: ms / n, rssMb: Math.max(...runs.map((r) => r.rssKb)) / 1024 });
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const ratio = (name) => median(times.get(name)) / base;
const lines = [];
lines.push(
  `Node ${version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${RUNS} runs per figure (median), ${new Date().toISOString().slice(0, 10)}`,
);
lines.push('');
lines.push('| Command | Median | Ratio to `node -e 0` | Target | Met |');
lines.push('| --- | ---: | ---: | ---: | --- |');
for (const [name, , target] of cases) {
  const r = ratio(name);
  lines.push(`| ${name} | ${fmt(median(times.get(name)))} | ${r.toFixed(2)}x | ${target ? `<= ${target}x` : ''} | ${target ? (r <= target ? 'yes' : `no, by ${(r - target).toFixed(2)}x`) : ''} |`);
}
lines.push('');
lines.push('| Batch (md+json, one process) | Total | Per file | Per file / `node -e 0` | Peak RSS | Target |');
lines.push('| --- | ---: | ---: | ---: | ---: | --- |');
for (const b of batches) {
  const met = b.perFile <= 12 && b.rssMb <= 160;
  lines.push(`| ${b.n} files | ${(b.ms / 1000).toFixed(2)} s | ${fmt(b.perFile)} | ${(b.perFile / base).toFixed(3)}x | ${b.rssMb.toFixed(0)} MB | <= 12 ms/file, <= 160 MB: ${met ? 'yes' : 'no'} |`);
}
if (batches.length > 1) {
  const a = batches[0];
  const z = batches[batches.length - 1];
  lines.push('');
  lines.push(`Per-file cost at ${z.n} files vs ${a.n} files: ${(z.perFile / a.perFile).toFixed(2)}x (target: flat or falling, <= 1.00x within noise)`);
}
if (!hasHtml) lines.push('', 'No html format in this build: the md+json+html figure is not measured.');
process.stdout.write(`${lines.join('\n')}\n`);
rmSync(tmp, { recursive: true, force: true });
