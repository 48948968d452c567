import { readFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { assess } from '../core/assess.js';
import { evaluateGates, parseThreshold } from '../core/gates.js';
import type { GateFailure, Threshold } from '../core/gates.js';
import type { PortfolioUnit } from '../core/portfolio.js';
import type { Aggregation } from '../core/score.js';
import { makeOutputFolder, writeFileAtomicSync } from '../io/atomic-write.js';
import { terminalSafeJson, visible } from '../io/terminal-text.js';
import { loadAssessmentQuickly } from '../load/quick.js';
import { CheckFailed, formatProblem, UsageError, UserError } from '../load/problems.js';
import { suggest } from '../load/rules.js';
import { buildContext, fmtScore } from '../report/context.js';
import { languageNotices } from './lang.js';
import type { ReportContext } from '../report/context.js';
import { DEFAULT_FORMATS, renderers } from '../report/index.js';
import { colors } from '../ui.js';

export interface ReportOptions {
  out: string;
  format?: string[];
  questionnaire?: string;
  lang?: string;
  aggregate: Aggregation;
  paper?: 'a4' | 'letter';
  templates?: string;
  check?: boolean;
  failBelowTarget?: boolean;
  failUnder?: string[];
  failOnRegression?: string;
  portfolio?: boolean;
  json?: boolean;
}

export function parseFormats(formats: string[] | undefined): string[] {
  const list = formats?.length ? formats : DEFAULT_FORMATS;
  const unknown = list.filter((f) => !renderers[f]);
  if (unknown.length) throw new UserError(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')}; choose from ${Object.keys(renderers).join(', ')}`);
  return [...new Set(list)];
}

/** The report file name for an answers file: its base name, kept inside the output folder. */
export function reportPath(outDir: string, answersFile: string, ext: string): string {
  const stem = basename(answersFile).replace(/\.ya?ml$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^\.+/, '') || 'report';
  const root = resolve(outDir);
  const target = resolve(root, `${stem}.${ext}`);
  if (!target.startsWith(root + sep)) throw new UserError(`refusing to write ${target} outside ${root}`);
  return target;
}

/**
 * Loads, scores and renders one answers file in memory. `outputs` maps each file extension to its
 * content (one format may give several files, as CSV does).
 */
export async function renderAssessment(
  file: string,
  formats: string[],
  opts: Pick<ReportOptions, 'questionnaire' | 'lang' | 'aggregate' | 'paper' | 'templates'>,
): Promise<{ ctx: ReportContext; outputs: Map<string, string | Buffer>; notices: string[] }> {
  const a = await loadAssessmentQuickly(file, { questionnaire: opts.questionnaire });
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data, opts.aggregate);
  const ctx = buildContext(a.model.data, a.questionnaire.data, a.answers.data, result, opts.lang);
  const outputs = new Map<string, string | Buffer>();
  const ropts = { paper: opts.paper, templatesDir: opts.templates };
  for (const f of formats) {
    const r = renderers[f]!;
    if (r.files) for (const x of await r.files(ctx, ropts)) outputs.set(x.ext, x.content);
    else outputs.set(r.ext, await r.render(ctx, ropts));
  }
  return { ctx, outputs, notices: [...a.warnings.map(formatProblem), ...languageNotices(ctx)] };
}

/** One gate failure in words, with the numbers as the report prints them, e.g. "automation 2.3 is below its target 4 by 1.7". */
export function describeFailure(f: GateFailure, baselineName?: string, digits = 1): string {
  const what = f.dimension ?? 'overall score';
  // A model may show scores with more decimals (scoring.precision); the message uses the same number.
  const fmt = (x: number) => (digits === 1 ? fmtScore(x) : x.toFixed(digits));
  const actual = f.actual === null ? 'is not assessed' : fmt(f.actual);
  const by = digits === 1 ? fmtScore(f.by) : fmt(f.required - (f.actual ?? 0));
  if (f.kind === 'below-target') return f.actual === null ? `${what} is not assessed, so it cannot meet its target ${f.required}` : `${what} ${actual} is below its target ${f.required} by ${by}`;
  if (f.kind === 'under') return f.actual === null ? `${what} is not assessed (--fail-under ${f.dimension ? `${f.dimension}=` : ''}${f.required})` : `${what} ${actual} is under ${f.required} by ${by} (--fail-under ${f.dimension ? `${f.dimension}=` : ''}${f.required})`;
  return f.actual === null ? `${what} was ${fmt(f.required)} in ${baselineName ?? 'the baseline'} and is not assessed now` : `${what} ${actual} fell from ${fmt(f.required)} in ${baselineName ?? 'the baseline'} by ${by}`;
}

/** What reading the file already in place tells `--check`. */
function checkAgainst(target: string, content: string | Buffer): 'fresh' | 'stale' | 'missing' {
  let existing: Buffer;
  try {
    existing = readFileSync(target);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'stale';
  }
  return existing.equals(typeof content === 'string' ? Buffer.from(content, 'utf8') : content) ? 'fresh' : 'stale';
}

interface FileOutcome {
  file: string;
  status: 'ok' | 'error';
  reports: string[];
  /** The overall score, by the model's rule. */
  overall: number | null;
  errors: string[];
  gates: Array<GateFailure & { message: string }>;
}

export async function reportCommand(files: string[], opts: ReportOptions): Promise<void> {
  const c = colors();
  const formats = parseFormats(opts.format);
  const thresholds: Threshold[] = [];
  for (const raw of opts.failUnder ?? []) {
    const t = parseThreshold(raw);
    if (typeof t === 'string') throw new UserError(t);
    thresholds.push(t);
  }
  // A bad baseline is a usage mistake: say so before anything is written.
  let baseline: Map<string, number | null> | undefined;
  const baselineName = opts.failOnRegression;
  if (baselineName) {
    const { loadSnapshot } = await import('./snapshot.js');
    const snap = await loadSnapshot(baselineName, { questionnaire: opts.questionnaire, aggregate: opts.aggregate });
    baseline = new Map(snap.dimensions.map((d) => [d.id, d.score]));
  }
  const gating = Boolean(opts.failBelowTarget || thresholds.length || baseline);

  const progress = Boolean(process.stderr.isTTY) && files.length > 1;
  const say = (s: string) => {
    if (!progress) process.stderr.write(s);
  };
  const shown = (target: string) => join(opts.out, basename(target));
  const outcomes: FileOutcome[] = [];
  const said = new Set<string>();
  const stale: string[] = [];
  const missing: string[] = [];
  const owners = new Map<string, string>();
  const units: PortfolioUnit[] = [];
  let scale: number[] = [];
  let made = false;
  let written = 0;

  const emit = async (target: string, content: string | Buffer): Promise<void> => {
    if (opts.check) {
      const state = checkAgainst(target, content);
      if (state === 'stale') stale.push(shown(target));
      if (state === 'missing') missing.push(shown(target));
      return;
    }
    if (!made) {
      makeOutputFolder(opts.out);
      made = true;
    }
    // Synchronous: the same temp file, checks, fsync and rename, without a round of promises and
    // thread-pool hops per file, which made writing most of a large batch's time.
    writeFileAtomicSync(target, content, { shownAs: shown(target) });
    written++;
    say(`${c.green('wrote')} ${visible(shown(target))}\n`);
  };

  for (const [i, file] of files.entries()) {
    // A turn of the event loop between files lets V8 run its pending garbage-collection tasks, so a
    // long batch's memory stays flat instead of climbing.
    if (i > 0) await new Promise((r) => setImmediate(r));
    if (progress) process.stderr.write(`\r\x1b[K${i + 1}/${files.length} ${visible(basename(file))}`);
    const outcome: FileOutcome = { file, status: 'ok', reports: [], overall: null, errors: [], gates: [] };
    outcomes.push(outcome);
    try {
      const { ctx, outputs, notices } = await renderAssessment(file, formats, opts);
      for (const n of notices) {
        // A language notice is the same for every file of a batch: say it once.
        if (said.has(n)) continue;
        said.add(n);
        process.stderr.write(`${progress ? '\r\x1b[K' : ''}${visible(n)}\n`);
      }
      const targets = [...outputs.keys()].map((ext) => reportPath(opts.out, file, ext));
      const clash = targets.map((t) => owners.get(t)).find((o) => o !== undefined);
      if (clash !== undefined) throw new UserError(`${file}: its reports would replace those of ${clash}; give the answers files different names`);
      for (const t of targets) owners.set(t, file);
      const dims = ctx.result.dimensions;
      const unknown = thresholds.filter((t) => t.dimension !== null && !dims.some((d) => d.id === t.dimension));
      if (unknown.length) {
        const ids = dims.map((d) => d.id);
        throw new UsageError(
          unknown
            .map((t) => `--fail-under ${t.dimension}=${t.level}: model ${ctx.model.id} has no dimension "${t.dimension}"${suggest(t.dimension!, ids)}`)
            .concat(`dimensions: ${ids.join(', ')}`)
            .join('\n'),
        );
      }
      outcome.overall = ctx.result.overall;
      let k = 0;
      for (const content of outputs.values()) {
        await emit(targets[k]!, content);
        outcome.reports.push(shown(targets[k++]!));
      }
      if (gating) {
        outcome.gates = evaluateGates(dims, { belowTarget: opts.failBelowTarget, under: thresholds, overall: ctx.result.overall, baseline }).map((f) => ({ ...f, message: describeFailure(f, baselineName, ctx.result.scoring.precision) }));
      }
      if (opts.portfolio) {
        if (!scale.length) scale = ctx.model.scale.map((s) => s.level);
        units.push({
          key: basename(file).replace(/\.ya?ml$/i, ''),
          label: ctx.answers.assessment.organisation,
          dimensions: dims.map((d) => ({ id: d.id, title: ctx.dimTitle(d.id), weight: d.weight, score: d.score, level: d.level, target: d.target, gap: d.gap })),
        });
      }
    } catch (e) {
      if (!(e instanceof UserError) || e instanceof UsageError) throw e;
      outcome.status = 'error';
      outcome.errors = e.problems.length ? e.problems.map(formatProblem) : [e.message.startsWith(`${file}:`) ? e.message : `${file}: ${e.message}`];
    }
  }
  if (progress) process.stderr.write('\r\x1b[K');

  let portfolioReports: string[] | null = null;
  if (opts.portfolio && units.length) {
    const [{ buildPortfolio }, { renderPortfolioMarkdown, renderPortfolioJson }] = await Promise.all([import('../core/portfolio.js'), import('../report/portfolio-md.js')]);
    // Units with the same organisation name are told apart by their file name.
    const counts = new Map<string, number>();
    for (const u of units) counts.set(u.label, (counts.get(u.label) ?? 0) + 1);
    for (const u of units) if (counts.get(u.label)! > 1) u.label = `${u.label} (${u.key})`;
    const p = buildPortfolio(units, scale);
    const pf = formats.includes('json') ? ['md', 'json'] : ['md'];
    portfolioReports = [];
    for (const f of pf) {
      const target = reportPath(opts.out, 'portfolio', f);
      const owner = owners.get(target);
      if (owner !== undefined) throw new UserError(`the portfolio report ${shown(target)} would replace the report of ${owner}; rename that answers file or drop --portfolio`);
      await emit(target, f === 'json' ? renderPortfolioJson(p) : renderPortfolioMarkdown(p));
      portfolioReports.push(shown(target));
    }
  }

  const bad = outcomes.filter((o) => o.status === 'error');
  const gateFailures = outcomes.flatMap((o) => o.gates.map((g) => ({ file: o.file, ...g })));
  const checkFailed = stale.length + missing.length > 0;
  const exitCode = bad.length ? 2 : checkFailed || gateFailures.length ? 1 : 0;

  if (progress && written) process.stderr.write(`${c.green('wrote')} ${written} file${written === 1 ? '' : 's'} into ${opts.out}\n`);
  for (const o of bad) for (const m of o.errors) process.stderr.write(`${visible(m)}\n`);
  for (const s of stale) process.stderr.write(`stale: ${s}\n`);
  for (const m of missing) process.stderr.write(`missing: ${m}\n`);
  if (opts.check && !checkFailed && !bad.length) process.stderr.write(`${c.green('ok')}  every report in ${opts.out} is up to date\n`);
  for (const g of gateFailures) process.stderr.write(`${c.red('fail:')} ${visible(`${g.file}: ${g.message}`)}\n`);

  if (opts.json) {
    const doc = {
      ok: exitCode === 0,
      exitCode,
      check: opts.check ? { stale, missing } : null,
      gates: gating
        ? {
            failBelowTarget: Boolean(opts.failBelowTarget),
            failUnder: thresholds,
            failOnRegression: baselineName ?? null,
            failures: gateFailures.map((g) => ({ file: g.file, kind: g.kind, dimension: g.dimension, actual: g.actual, required: g.required, by: g.by, message: g.message })),
          }
        : null,
      files: outcomes.map((o) => ({ file: o.file, status: o.status, reports: o.reports, overall: o.overall, errors: o.errors })),
      portfolio: portfolioReports,
    };
    process.stdout.write(`${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`);
  }

  if (bad.length) {
    const also = [checkFailed ? 'stale or missing reports' : '', gateFailures.length ? 'failed gates' : ''].filter(Boolean).join(' and ');
    throw new UserError(
      `${bad.length} of ${files.length} answers file${files.length > 1 ? 's' : ''} could not be reported; fix the problems above${also ? ` (there are also ${also}; bad input takes precedence, exit 2)` : ''}`,
    );
  }
  const parts: string[] = [];
  if (checkFailed) parts.push(`${stale.length + missing.length} report${stale.length + missing.length > 1 ? 's' : ''} stale or missing in ${opts.out}; run the same command without --check to regenerate them`);
  if (gateFailures.length) parts.push(`${gateFailures.length} gate${gateFailures.length > 1 ? 's' : ''} failed`);
  if (parts.length) throw new CheckFailed(parts.join('; '));
}
