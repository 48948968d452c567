import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { basename, join, resolve, sep } from 'node:path';
import { assess } from '../core/assess.js';
import type { PlanOptions } from '../core/assess.js';
import { evaluateGates } from '../core/gates.js';
import type { GateFailure, Threshold } from '../core/gates.js';
import type { PortfolioUnit } from '../core/portfolio.js';
import type { Aggregation } from '../core/score.js';
import { makeOutputFolder, syncFolderSync, writeFileAtomicSync } from '../io/atomic-write.js';
import { formatProblem, UsageError, UserError } from '../errors.js';
import { loadAssessmentQuickly } from '../load/quick.js';
import { suggest } from '../load/rules.js';
import { messages } from '../i18n/index.js';
import { buildContext } from '../report/context.js';
import type { ReportContext } from '../report/context.js';
import { DEFAULT_FORMATS, isReportFormat, portfolioFormats, REPORT_FORMATS } from '../report/formats.js';
import type { ReportFormat } from '../report/formats.js';
import { portfolioRenderers, renderers } from '../report/index.js';
import type { ReportRunSummary } from '../schema/run-summary.js';
import { describeFailure, overallName, parseThresholds } from './gates.js';
import { languageNotices } from './lang.js';

export interface ReportRunOptions {
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
  /** `--capacity`: initiatives the roadmap runs at once. */
  capacity?: string;
  /** `--start`: the month the roadmap starts, YYYY-MM. */
  start?: string;
}

/** `--capacity` and `--start`, checked: they override the answers file's `roadmap` settings. */
export function planOptions(opts: Pick<ReportRunOptions, 'capacity' | 'start'>): PlanOptions {
  const plan: PlanOptions = {};
  if (opts.capacity !== undefined) {
    const parsed = Number(opts.capacity);
    if (!/^\d+$/.test(opts.capacity.trim()) || parsed < 1 || parsed > 50) throw new UsageError(`--capacity ${opts.capacity}: give a whole number of initiatives from 1 to 50`);
    plan.capacity = parsed;
  }
  if (opts.start !== undefined) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.start)) throw new UsageError(`--start ${opts.start}: give the month the roadmap starts as YYYY-MM, e.g. 2025-04`);
    plan.start = opts.start;
  }
  return plan;
}

/** What the run tells the person watching, as it happens; the command decides how to show it. */
export interface ReportRunEvents {
  /** Processing of the i-th answers file (0-based) starts. */
  fileStarted?: (index: number, file: string) => void;
  /** A note about one file, such as a language fallback; each distinct note is given once. */
  notice?: (line: string) => void;
  /** A report was written, named as the user would find it (inside --out). */
  wrote?: (shown: string) => void;
}

export interface FileOutcome {
  file: string;
  status: 'ok' | 'error';
  reports: string[];
  /** The overall score, by the model's rule. */
  overall: number | null;
  errors: string[];
  gates: Array<GateFailure & { message: string }>;
}

export interface ReportRun {
  /** 2 when any answers file was bad; else 1 when a report is stale or missing or a gate failed; else 0. */
  exitCode: 0 | 1 | 2;
  files: FileOutcome[];
  stale: string[];
  missing: string[];
  written: number;
  /** The portfolio reports; null without --portfolio or without a good answers file. */
  portfolio: string[] | null;
  thresholds: Threshold[];
  /** Whether any gate was asked for. */
  gating: boolean;
}

export function parseFormats(formats: string[] | undefined): ReportFormat[] {
  const list = formats?.length ? formats : DEFAULT_FORMATS;
  const unknown = list.filter((f) => !isReportFormat(f));
  if (unknown.length) throw new UserError(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')}; choose from ${REPORT_FORMATS.join(', ')}`);
  return [...new Set(list.filter(isReportFormat))];
}

/** The report file name for an answers file: its base name, kept inside the output folder. */
export function reportPath(outDir: string, answersFile: string, ext: string): string {
  const stem =
    basename(answersFile)
      .replace(/\.ya?ml$/i, '')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^\.+/, '') || 'report';
  const root = resolve(outDir);
  const target = resolve(root, `${stem}.${ext}`);
  if (!target.startsWith(root + sep)) throw new UserError(`refusing to write ${target} outside ${root}`);
  return target;
}

/**
 * A batch keeps only a small summary per file, so what it holds stays flat (about 15 MB however many files), but
 * V8 lets the old generation grow to up to four times what survived its last full collection, by a factor it
 * derives from how fast the collector and the program ran. Five runs of the same 1,000 files peaked anywhere
 * between 152 and 175 MB. A fixed, modest growth keeps the peak near the low end: a few more full collections
 * of a small heap (about one per 60 files), each a few milliseconds. The setting is read at every collection and
 * changes nothing else; the process ends with the batch.
 */
function steadyMemory(): void {
  setFlagsFromString('--heap-growing-percent=30');
}

/**
 * Loads, scores and renders one answers file in memory. `outputs` maps each file extension to its
 * content (one format may give several files, as CSV does).
 */
async function renderAssessment(
  file: string,
  formats: ReportFormat[],
  opts: Pick<ReportRunOptions, 'questionnaire' | 'lang' | 'aggregate' | 'paper' | 'templates' | 'capacity' | 'start'>,
): Promise<{ ctx: ReportContext; outputs: Map<string, string | Buffer>; notices: string[] }> {
  const loaded = await loadAssessmentQuickly(file, { questionnaire: opts.questionnaire });
  const result = assess(loaded.model.data, loaded.questionnaire.data, loaded.answers.data, opts.aggregate, planOptions(opts));
  const ctx = buildContext(loaded.model.data, loaded.questionnaire.data, loaded.answers.data, result, opts.lang);
  const outputs = new Map<string, string | Buffer>();
  const renderOptions = { paper: opts.paper, templatesDir: opts.templates };
  for (const format of formats) {
    const renderer = renderers[format];
    if (renderer.files) for (const output of await renderer.files(ctx, renderOptions)) outputs.set(output.ext, output.content);
    else outputs.set(renderer.ext, await renderer.render(ctx, renderOptions));
  }
  return { ctx, outputs, notices: [...loaded.warnings.map(formatProblem), ...languageNotices(ctx)] };
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

/**
 * Reports every answers file (or, with --check, compares with the reports in place), then evaluates
 * the gates. A bad answers file is recorded and the batch goes on; only a usage mistake throws.
 */
export async function runReport(files: string[], opts: ReportRunOptions, events: ReportRunEvents = {}): Promise<ReportRun> {
  const formats = parseFormats(opts.format);
  planOptions(opts); // a bad --capacity or --start is a usage mistake: refuse it before any file is read
  const thresholds = parseThresholds(opts.failUnder);
  // A bad baseline is a usage mistake: say so before anything is written.
  let baseline: Map<string, number | null> | undefined;
  const baselineName = opts.failOnRegression;
  if (baselineName) {
    const { loadSnapshot } = await import('./snapshot.js');
    const { snapshot } = await loadSnapshot(baselineName, { questionnaire: opts.questionnaire, aggregate: opts.aggregate });
    baseline = new Map(snapshot.dimensions.map((d) => [d.id, d.score]));
  }
  const gating = Boolean(opts.failBelowTarget || thresholds.length || baseline);

  const shown = (target: string) => join(opts.out, basename(target));
  const outcomes: FileOutcome[] = [];
  const said = new Set<string>();
  const stale: string[] = [];
  const missing: string[] = [];
  const owners = new Map<string, string>();
  const units: PortfolioUnit[] = [];
  let scale: number[] = [];
  let portfolioLang = 'en';
  let portfolioPrecision = 1;
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
    writeFileAtomicSync(target, content, { shownAs: shown(target), syncFolder: false });
    written++;
    renamed.push(target);
  };
  // The reports of one answers file share a folder: it is synced once for all of them (one fsync
  // instead of one per report), and only then is each said to be written.
  const renamed: string[] = [];
  const settle = (): void => {
    if (!renamed.length) return;
    syncFolderSync(opts.out);
    for (const target of renamed) events.wrote?.(shown(target));
    renamed.length = 0;
  };

  if (files.length > 1) steadyMemory();
  for (const [index, file] of files.entries()) {
    // A turn of the event loop between files lets V8 run its pending garbage-collection tasks, so a
    // long batch's memory stays flat instead of climbing.
    if (index > 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));
    events.fileStarted?.(index, file);
    const outcome: FileOutcome = { file, status: 'ok', reports: [], overall: null, errors: [], gates: [] };
    outcomes.push(outcome);
    try {
      const { ctx, outputs, notices } = await renderAssessment(file, formats, opts);
      for (const notice of notices) {
        // A language notice is the same for every file of a batch: say it once.
        if (said.has(notice)) continue;
        said.add(notice);
        events.notice?.(notice);
      }
      const targets = [...outputs.keys()].map((ext) => reportPath(opts.out, file, ext));
      const clash = targets.map((target) => owners.get(target)).find((owner) => owner !== undefined);
      if (clash !== undefined) throw new UserError(`${file}: its reports would replace those of ${clash}; give the answers files different names`);
      for (const target of targets) owners.set(target, file);
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
        outcome.gates = evaluateGates(dims, { belowTarget: opts.failBelowTarget, under: thresholds, overall: ctx.result.overall, baseline }).map((f) => ({
          ...f,
          message: describeFailure(f, baselineName, ctx.result.scoring.precision, overallName(ctx.model)),
        }));
      }
      if (opts.portfolio) {
        if (!scale.length) {
          // The roll-up speaks the language of the first report and shows scores as its model does.
          scale = ctx.model.scale.map((step) => step.level);
          portfolioLang = ctx.lang;
          portfolioPrecision = ctx.result.scoring.precision;
        }
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
    } finally {
      // What was written before a failure is on disk too, and said so.
      settle();
    }
  }

  let portfolio: string[] | null = null;
  if (opts.portfolio && units.length) {
    const { buildPortfolio } = await import('../core/portfolio.js');
    // Units with the same organisation name are told apart by their file name.
    const counts = new Map<string, number>();
    for (const unit of units) counts.set(unit.label, (counts.get(unit.label) ?? 0) + 1);
    for (const unit of units) if (counts.get(unit.label)! > 1) unit.label = `${unit.label} (${unit.key})`;
    const rollUp = buildPortfolio(units, scale);
    portfolio = [];
    try {
      for (const format of portfolioFormats(formats)) {
        const target = reportPath(opts.out, 'portfolio', format);
        const owner = owners.get(target);
        if (owner !== undefined) throw new UserError(`the portfolio report ${shown(target)} would replace the report of ${owner}; rename that answers file or drop --portfolio`);
        await emit(target, await portfolioRenderers[format](rollUp, { messages: messages(portfolioLang), scale, precision: portfolioPrecision }));
        portfolio.push(shown(target));
      }
    } finally {
      settle();
    }
  }

  const bad = outcomes.some((o) => o.status === 'error');
  const failed = stale.length + missing.length > 0 || outcomes.some((o) => o.gates.length > 0);
  return { exitCode: bad ? 2 : failed ? 1 : 0, files: outcomes, stale, missing, written, portfolio, thresholds, gating };
}

/** The document `itaas report --json` prints. */
export function runSummary(run: ReportRun, opts: Pick<ReportRunOptions, 'check' | 'failBelowTarget' | 'failOnRegression'>): ReportRunSummary {
  return {
    ok: run.exitCode === 0,
    exitCode: run.exitCode,
    check: opts.check ? { stale: run.stale, missing: run.missing } : null,
    gates: run.gating
      ? {
          failBelowTarget: Boolean(opts.failBelowTarget),
          failUnder: run.thresholds,
          failOnRegression: opts.failOnRegression ?? null,
          failures: gateFailures(run).map((g) => ({ file: g.file, kind: g.kind, dimension: g.dimension, actual: g.actual, required: g.required, by: g.by, message: g.message })),
        }
      : null,
    files: run.files.map((o) => ({ file: o.file, status: o.status, reports: o.reports, overall: o.overall, errors: o.errors })),
    portfolio: run.portfolio,
  };
}

/** Every failed gate of the run, with the answers file it belongs to. */
export function gateFailures(run: ReportRun): Array<FileOutcome['gates'][number] & { file: string }> {
  return run.files.flatMap((o) => o.gates.map((g) => ({ file: o.file, ...g })));
}
