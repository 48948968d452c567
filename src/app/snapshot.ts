import { readFileSync, statSync } from 'node:fs';
import type { Snapshot } from '../core/compare.js';
import type { Aggregation } from '../core/score.js';
import { UserError } from '../errors.js';

/** JSON reports grow with respondents and notes; anything this large is not one of ours. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const looksLikeJson = (file: string) => /\.json$/i.test(file);

function readJsonReport(file: string): Promise<Snapshot> | Snapshot {
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

async function validateReport(file: string, data: unknown): Promise<Snapshot> {
  const { JsonReport, REPORT_SCHEMA_VERSION } = await import('../schema/report.js');
  const version = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).schemaVersion : undefined;
  if (version === undefined) throw new UserError(`${file}: has no "schemaVersion"; give a JSON report written by "itaas report" or an answers file`);
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new UserError(`${file}: is a JSON report with schemaVersion ${JSON.stringify(version)}, but this itaas reads version ${REPORT_SCHEMA_VERSION}; regenerate it with this version of itaas`);
  }
  const r = JsonReport.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new UserError(`${file}: is not a valid itaas JSON report:\n${issues.join('\n')}${r.error.issues.length > 5 ? `\n  ... and ${r.error.issues.length - 5} more` : ''}`);
  }
  return r.data;
}

/** An assessment to compare against: a JSON report written by `itaas report`, or an answers file to score now. */
export async function loadSnapshot(file: string, opts: { questionnaire?: string; aggregate?: Aggregation; lang?: string } = {}): Promise<Snapshot> {
  if (looksLikeJson(file)) return readJsonReport(file);
  const [{ loadAssessment }, { assess }, { buildContext }, { buildJsonReport }] = await Promise.all([
    import('../load/index.js'),
    import('../core/assess.js'),
    import('../report/context.js'),
    import('../report/json.js'),
  ]);
  const a = loadAssessment(file, { questionnaire: opts.questionnaire });
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data, opts.aggregate ?? 'median');
  return buildJsonReport(buildContext(a.model.data, a.questionnaire.data, a.answers.data, result, opts.lang));
}
