import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { UserError } from '../errors.js';
import type { DimensionScore } from '../core/score.js';
import { gapText, scoreGroups, targetText } from './context.js';
import type { ReportContext } from './context.js';
import type { RequirementCheck } from '../core/placement.js';
import type { Roadmap, RoadmapItem } from '../core/roadmap.js';
import {
  coverageText,
  coverFacts,
  initiativeMeta,
  levelText,
  outcomeInitiativesText,
  outcomeWorkText,
  overrunText,
  rationaleText,
  reportSections,
  requirementsText,
  responseText,
  roadmapIntro,
  sectionData,
  spreadFlagged,
} from './sections.js';
import type { DocumentFormat, ReportSection, SectionId } from './sections.js';
import { byAnswer, evidenceGroups, roadmapByOutcome, strengths, summary } from './summary.js';
import type { OutcomeSummary } from './summary.js';

/** The templates shipped with itaas; `--templates DIR` replaces them file by file. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateOptions {
  /** A folder of templates that replace the built-in ones (`--templates`). */
  templatesDir?: string;
  /**
   * How `<%= %>` escapes: HTML-escaping by default; Markdown templates pass `mdEscape`. Pass the same
   * function each time (not a new closure): engines are kept per escaping function.
   */
  escape?: (s: unknown) => string;
  /** Eta's whitespace control after tags; Markdown turns it off and trims control lines with `-%>`. */
  autoTrim?: false | 'nl';
}

/** What every report template sees in `it`, whatever its format; `format` decides which sections it has and in which order. */
export function templateData(ctx: ReportContext, format: DocumentFormat) {
  const sections = reportSections(ctx, format);
  const assessmentSummary = sectionData(sections, 'summary') ?? summary(ctx);
  const credited = sectionData(sections, 'in-place')?.strengths ?? strengths(ctx);
  return {
    ctx,
    /** The fixed wording of the reports in the report language. */
    messages: ctx.messages,
    /** The executive summary: its paragraphs, the largest gaps, the first wave and warnings. */
    summary: assessmentSummary,
    /** The answers file's assessment block: organisation, scope, date, assessor, language. */
    assessment: ctx.answers.assessment,
    /** @deprecated The name templates written for itaas 0.1 use for `messages`; still served to them. */
    t: ctx.messages,
    /** @deprecated The name templates written for itaas 0.1 use for `summary`; still served to them. */
    s: assessmentSummary,
    /** @deprecated The name templates written for itaas 0.1 use for `assessment`; still served to them. */
    a: ctx.answers.assessment,
    /** The sections this report has, in its order, each with `id` (its anchor), `title`, `titleKey`, `number` and `data`. */
    sections,
    /** The same sections by id; a section the report does not have is absent (`it.section.position` is undefined without phases and stages). */
    section: Object.fromEntries(sections.map((sec) => [sec.id, sec])) as { [K in SectionId]?: Extract<ReportSection, { id: K }> },
    /** The roadmap summarised by outcome. */
    outcomes: sectionData(sections, 'roadmap')?.outcomes ?? roadmapByOutcome(ctx),
    /** Initiatives already in place, with the answers that show it. */
    strengths: credited,
    /** Their evidence by question, each question once with the initiatives it helps show. */
    evidenceGroups: sectionData(sections, 'in-place')?.groups ?? evidenceGroups(credited),
    /** One question's answers, each answer once with who gave it, the median one first. */
    byAnswer,
    model: ctx.model,
    questionnaire: ctx.questionnaire,
    answers: ctx.answers,
    result: ctx.result,
    dim: new Map(ctx.result.dimensions.map((d) => [d.id, d])),
    /** The score tables: one per axis, or one for every dimension when the model has no axes. */
    groups: sectionData(sections, 'scores')?.groups ?? scoreGroups(ctx),
    targetText,
    gapText: (d: DimensionScore) => gapText(ctx, d),
    /** A column heading from one of the model's nouns ("phase" -> "Phase"). */
    cap: ctx.messages.cap,
    /** The facts on the cover, as `{ label, value }`, in order. */
    coverFacts: coverFacts(ctx),
    /** A phase's or stage's requirements in one line. */
    requirementsText: (list: readonly RequirementCheck[]) => requirementsText(ctx, list),
    /** A dimension's level as the tables show it ("2 Repeatable"). */
    levelText: (d: DimensionScore) => levelText(ctx, d),
    /** A dimension's coverage as the tables show it. */
    coverageText: (d: DimensionScore) => coverageText(ctx, d),
    /** Whether a dimension's spread reaches the disagreement threshold. */
    spreadFlagged: (d: DimensionScore) => spreadFlagged(ctx, d),
    /** A quoted answer: its option, and its level where it has one. */
    responseText: (question: string, response: { option: string; level?: number | undefined }) => responseText(ctx, question, response),
    /** The roadmap's opening sentence. */
    roadmapIntro: (roadmap: Roadmap, count: number) => roadmapIntro(ctx, roadmap, count),
    /** The warning when the roadmap runs past its horizon, or ''. */
    overrunText: (roadmap: Roadmap) => overrunText(ctx, roadmap),
    /** An outcome's work and its initiatives, one cell each. */
    outcomeWorkText: (outcome: OutcomeSummary) => outcomeWorkText(ctx, outcome),
    outcomeInitiativesText: (outcome: OutcomeSummary) => outcomeInitiativesText(ctx, outcome),
    /** An initiative's effort, period and steps in one line, and its rationale on one line. */
    initiativeMeta: (item: RoadmapItem) => initiativeMeta(ctx, item),
    rationaleText: (id: string) => rationaleText(ctx, id),
  };
}

function inside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}

/**
 * An Eta instance that can only read templates inside one folder: includes with absolute paths or
 * `..` that leave it are refused, and so are symbolic links that point out of it (Eta's own check
 * compares paths only and maps absolute paths into the folder).
 */
function confinedEta(views: string, opts: TemplateOptions): Eta {
  const eta = new Eta({ views, cache: true, autoEscape: true, autoTrim: opts.autoTrim ?? [false, 'nl'], ...(opts.escape ? { escapeFunction: opts.escape } : {}) });
  const realViews = realpathSync(views);
  const refuse = (template: string, from: string | undefined, why: string) =>
    new UserError(`template ${from ?? join(views, template)} includes "${template}", ${why}; a template may only include files inside ${views}`);
  eta.resolvePath = (template, options) => {
    const from = options?.filepath;
    if (isAbsolute(template) || /^[\\/]/.test(template) || /^[a-zA-Z]:/.test(template)) throw refuse(template, from, 'an absolute path');
    const path = resolve(from ? dirname(from) : views, template + (extname(template) ? '' : '.eta'));
    if (!inside(resolve(views), path)) throw refuse(template, from, 'which is outside the templates folder');
    return path;
  };
  eta.readFile = (path) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      throw new UserError(`template ${path} not found`);
    }
    if (!inside(realViews, real)) throw new UserError(`template ${path} leads outside the templates folder ${views} (a symbolic link?); a template may only include files inside it`);
    return readFileSync(real, 'utf8');
  };
  return eta;
}

/** The folder to take a template from: the user's, if it has that template, else the built-in one. */
function templateFolder(name: string, templatesDir: string | undefined): { views: string; user: boolean } {
  if (templatesDir === undefined) return { views: BUILTIN_TEMPLATES, user: false };
  const dir = resolve(templatesDir);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UserError(`--templates ${templatesDir}: no such folder`);
  }
  if (!isDir) throw new UserError(`--templates ${templatesDir}: not a folder`);
  try {
    if (statSync(join(dir, name)).isFile()) return { views: dir, user: true };
  } catch {
    // Not overridden: the built-in template serves.
  }
  return { views: BUILTIN_TEMPLATES, user: false };
}

/**
 * One engine per templates folder and way of escaping, kept for the run: a batch compiles each
 * template once instead of once per answers file. Templates are read once per run, so a template
 * edited while a batch runs takes effect on the next run.
 */
const engines = new Map<string, Eta>();
const escapers = new Map<TemplateOptions['escape'], number>();

function engine(views: string, opts: TemplateOptions): Eta {
  let escaper = escapers.get(opts.escape);
  if (escaper === undefined) escapers.set(opts.escape, (escaper = escapers.size));
  const key = `${escaper}\0${JSON.stringify(opts.autoTrim ?? null)}\0${views}`;
  let eta = engines.get(key);
  if (!eta) engines.set(key, (eta = confinedEta(views, opts)));
  return eta;
}

/**
 * Renders a report template. Mistakes in a user's template (syntax, a missing include, an include
 * outside its folder, an error while it runs) are reported as UserError naming the template.
 */
export function renderTemplate(name: string, data: object, opts: TemplateOptions = {}): string {
  const { views, user } = templateFolder(name, opts.templatesDir);
  const eta = engine(views, opts);
  try {
    return eta.render(name, data);
  } catch (e) {
    if (e instanceof UserError || !user) throw e;
    // A template may throw anything: null, a string, undefined, an object.
    const why = e instanceof Error ? e.message.split('\n')[0] : `it threw ${e === undefined ? 'undefined' : typeof e === 'string' ? JSON.stringify(e) : String(JSON.stringify(e) ?? e)}`;
    throw new UserError(`template ${join(views, name)}: ${why}; fix the template or drop --templates`);
  }
}
