import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../core/assess.js';
import type { Snapshot } from '../core/compare.js';
import type { Aggregation } from '../core/score.js';
import { resolveText } from '../core/text.js';
import { builtinDir } from '../load/builtin.js';
import { UserError } from '../errors.js';
import type { Answers } from '../schema/answers.js';
import type { Model, Terms } from '../schema/model.js';
import type { JsonReport } from '../schema/report.js';

/** JSON reports grow with respondents and notes; anything this large is not one of ours. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const looksLikeJson = (file: string) => /\.json$/i.test(file);

/** One assessment to compare, and the model's own words for its concepts (to word the comparison with). */
export interface Assessed {
  snapshot: Snapshot;
  /** The model's terms and the language its plain strings are in. */
  words: { terms: Terms; language: string };
}

function readJsonReport(file: string): Promise<JsonReport> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${file}: is a directory, not a JSON report`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: ${code === 'ENOENT' ? 'no such file; check the path' : `cannot read the file (${code ?? 'unknown error'})`}`);
  }
  if (size > MAX_REPORT_BYTES) throw new UserError(`${file}: is ${size} bytes; JSON reports over ${MAX_REPORT_BYTES} bytes are refused`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: is not valid JSON (${(e as Error).message}); give a JSON report written by "itaas report" or an answers file`);
  }
  return validateReport(file, data);
}

async function validateReport(file: string, data: unknown): Promise<JsonReport> {
  const { JsonReport, REPORT_SCHEMA_VERSION } = await import('../schema/report.js');
  const version = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schemaVersion : undefined;
  if (version === undefined) throw new UserError(`${file}: has no "schemaVersion"; give a JSON report written by "itaas report" or an answers file`);
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new UserError(`${file}: is a JSON report with schemaVersion ${JSON.stringify(version)}, but this itaas reads version ${REPORT_SCHEMA_VERSION}; regenerate it with this version of itaas`);
  }
  const parsed = JsonReport.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UserError(`${file}: is not a valid itaas JSON report:\n${issues.join('\n')}${parsed.error.issues.length > 5 ? `\n  ... and ${parsed.error.issues.length - 5} more` : ''}`);
  }
  return parsed.data;
}

/** A JSON report as a snapshot. */
function reportSnapshot(report: JsonReport): Snapshot {
  return {
    assessment: report.assessment,
    precision: report.overall.precision,
    dimensions: report.dimensions.map((d) => ({ id: d.id, title: d.title, axis: d.axis, weight: d.weight, score: d.score, level: d.level, target: d.target, gap: d.gap })),
    overall: { title: report.overall.title, score: report.overall.score },
    phase: report.phase ? { reached: report.phase.reached, id: report.phase.id, title: report.phase.title } : null,
    operatingModel: report.operatingModel
      ? { predominant: { ...report.operatingModel.predominant }, stages: report.operatingModel.stages.map((s) => ({ id: s.id, title: s.title, attained: s.attained, attainment: s.attainment })) }
      : null,
    roadmap: report.roadmap ? report.roadmap.waves.flatMap((w) => w.items.map((i) => ({ id: i.id, title: i.title }))) : null,
  };
}

/** A scored assessment as a snapshot, with every title in `lang`. */
export function resultSnapshot(model: Model, answers: Answers, questionnaire: { id: string; version: string }, result: Result, lang: string): Snapshot {
  const modelText = (t: Parameters<typeof resolveText>[0]) => resolveText(t, lang, model.language);
  const dims = new Map(model.dimensions.map((d) => [d.id, d]));
  const phaseTitle = (n: number) => (n === 0 ? modelText(model.phases?.none.title) : modelText(model.phases?.list[n - 1]?.title));
  const stageTitle = (id: string) => (id === model.stages?.baseline.id ? modelText(model.stages.baseline.title) : modelText(model.stages?.list.find((s) => s.id === id)?.title) || id);
  const inits = new Map(model.initiatives.map((i) => [i.id, i]));
  const about = answers.assessment;
  const om = result.operatingModel;
  return {
    assessment: {
      organisation: about.organisation,
      scope: about.scope ?? null,
      date: about.date,
      assessor: about.assessor ?? null,
      language: lang,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      model: { id: model.id, version: model.version },
      respondents: answers.respondents.map((r) => ({ name: r.name, role: r.role ?? null, completed: r.completed ?? false })),
    },
    precision: result.scoring.precision,
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      title: modelText(dims.get(d.id)?.title) || d.id,
      axis: d.axis,
      weight: d.weight,
      score: d.score,
      level: d.level,
      target: d.target,
      gap: d.gap,
    })),
    overall: { title: modelText(model.terms?.overallScore) || null, score: result.overall },
    phase: result.phase ? { reached: result.phase.reached, id: result.phase.reachedId, title: phaseTitle(result.phase.reached) } : null,
    operatingModel: om
      ? {
          predominant: { id: om.predominant, title: stageTitle(om.predominant) },
          stages: om.stages.map((s) => ({ id: s.id, title: stageTitle(s.id), attained: s.attained, attainment: s.attainment })),
        }
      : null,
    roadmap: result.roadmap ? result.roadmap.waves.flatMap((w) => w.items.map((i) => ({ id: i.id, title: modelText(inits.get(i.id)?.title) || i.id }))) : null,
  };
}

/** The terms of a built-in model with this id, if there is one: a JSON report names its model only by id. */
async function builtinTerms(id: string): Promise<{ terms: Terms; language: string } | null> {
  const path = join(builtinDir('models'), `${id}.yaml`);
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(id) || !existsSync(path)) return null;
  try {
    const { loadModel } = await import('../load/index.js');
    const model = loadModel(path).data;
    return model.id === id ? { terms: model.terms ?? {}, language: model.language } : null;
  } catch {
    return null;
  }
}

/** An assessment to compare against: a JSON report written by `itaas report`, or an answers file to score now. */
export async function loadSnapshot(file: string, opts: { questionnaire?: string; aggregate?: Aggregation; lang?: string } = {}): Promise<Assessed> {
  if (looksLikeJson(file)) {
    const report = await readJsonReport(file);
    const builtin = await builtinTerms(report.assessment.model.id);
    // The report carries the overall score's name in its own language; the other words come from the model when it is built in.
    const terms = { ...(builtin?.terms ?? {}), overallScore: { [report.assessment.language]: report.overall.title } };
    return { snapshot: reportSnapshot(report), words: { terms, language: builtin?.language ?? report.assessment.language } };
  }
  const [{ loadAssessment }, { assess }] = await Promise.all([import('../load/index.js'), import('../core/assess.js')]);
  const assessment = loadAssessment(file, { questionnaire: opts.questionnaire });
  const model = assessment.model.data;
  const result = assess(model, assessment.questionnaire.data, assessment.answers.data, opts.aggregate ?? 'median');
  const lang = opts.lang ?? assessment.answers.data.assessment.language ?? assessment.questionnaire.data.language;
  return { snapshot: resultSnapshot(model, assessment.answers.data, assessment.questionnaire.data, result, lang), words: { terms: model.terms ?? {}, language: model.language } };
}
