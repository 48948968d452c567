import { mkdirSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { assess } from '../core/assess.js';
import type { Aggregation } from '../core/score.js';
import { loadAssessment } from '../load/index.js';
import { formatProblem, UserError } from '../load/problems.js';
import { buildContext } from '../report/context.js';
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

/** Loads, scores and renders one answers file in memory. */
export async function renderAssessment(file: string, formats: string[], opts: Pick<ReportOptions, 'questionnaire' | 'lang' | 'aggregate' | 'paper' | 'templates'>): Promise<{ ctx: ReportContext; outputs: Map<string, string | Buffer> }> {
  const a = loadAssessment(file, { questionnaire: opts.questionnaire });
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data, opts.aggregate);
  const ctx = buildContext(a.model.data, a.questionnaire.data, a.answers.data, result, opts.lang);
  const outputs = new Map<string, string | Buffer>();
  for (const f of formats) outputs.set(f, await renderers[f]!.render(ctx, { paper: opts.paper, templatesDir: opts.templates }));
  return { ctx, outputs };
}

export async function reportCommand(files: string[], opts: ReportOptions): Promise<void> {
  const c = colors();
  const formats = parseFormats(opts.format);
  const failures: Array<{ file: string; message: string }> = [];
  let made = false;
  for (const file of files) {
    try {
      const { outputs } = await renderAssessment(file, formats, opts);
      if (!made) {
        mkdirSync(opts.out, { recursive: true });
        made = true;
      }
      for (const [fmt, content] of outputs) {
        const target = reportPath(opts.out, file, renderers[fmt]!.ext);
        await writeFileAtomic(target, content);
        process.stderr.write(`${c.green('wrote')} ${join(opts.out, basename(target))}\n`);
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failures.push({ file, message: e.problems.length ? e.problems.map(formatProblem).join('\n') : `${file}: ${e.message}` });
    }
  }
  if (failures.length) {
    for (const f of failures) process.stderr.write(`${f.message}\n`);
    throw new UserError(`${failures.length} of ${files.length} answers file${files.length > 1 ? 's' : ''} could not be reported; fix the problems above`);
  }
}
