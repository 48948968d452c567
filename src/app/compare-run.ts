import { basename } from 'node:path';
import { compareSnapshots } from '../core/compare.js';
import type { Comparison } from '../core/compare.js';
import { UserError } from '../errors.js';
import { resolveText } from '../core/text.js';
import { messages } from '../i18n/index.js';
import type { CompareWording } from '../report/compare-md.js';
import { compareRenderers } from '../report/index.js';
import { modelWords } from '../i18n/model-words.js';
import { COMPARE_FORMATS, isCompareFormat } from '../report/formats.js';
import type { CompareFormat } from '../report/formats.js';
import { reportPath } from './report-run.js';
import { loadSnapshot } from './snapshot.js';

export interface CompareRunOptions {
  format?: string[];
  out?: string;
  json?: boolean;
  /** Language of the comparison (default: the current assessment's). */
  lang?: string;
}

export interface CompareRun {
  comparison: Comparison;
  /** The comparison as one JSON document (what --json prints). */
  json: string;
  /** Without --out: the one format to print on stdout. */
  stdout: { format: string; content: string } | null;
  /** With --out: each file to write, in the order the formats were asked for. */
  files: Array<{ target: string; content: string }>;
  exitCode: 0;
}

const stem = (file: string) => basename(file).replace(/\.(ya?ml|json)$/i, '');

/** Which formats a compare writes; a combination that cannot work is a usage error. */
function compareFormats(opts: CompareRunOptions): CompareFormat[] {
  const formats = [...new Set(opts.format?.length ? opts.format : opts.json ? ['json'] : ['md'])];
  const unknown = formats.filter((f) => !isCompareFormat(f));
  if (unknown.length) throw new UserError(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')} for compare; choose from ${COMPARE_FORMATS.join(', ')}`);
  if (!opts.out && formats.length > 1) throw new UserError(`several formats (${formats.join(', ')}) need --out DIR; without it the comparison goes to stdout in one format`);
  if (!opts.out && opts.json && formats[0] !== 'json') throw new UserError('--json prints JSON on stdout; drop --format md or add --out DIR');
  return formats as CompareFormat[];
}

/** Compares two assessments and renders the comparison in each format asked for. */
export async function runCompare(baselineFile: string, currentFile: string, opts: CompareRunOptions): Promise<CompareRun> {
  const formats = compareFormats(opts);
  const current = await loadSnapshot(currentFile, { lang: opts.lang });
  const lang = opts.lang ?? current.snapshot.assessment.language;
  const baseline = await loadSnapshot(baselineFile, { lang });
  const comparison = compareSnapshots(baseline.snapshot, current.snapshot);
  // Worded in one language, with the current model's own words for its concepts.
  const catalogue = messages(lang);
  const { terms, language } = current.words;
  const wording: CompareWording = { messages: catalogue, words: modelWords(catalogue, terms, (text) => resolveText(text, lang, language)) };
  const render = (format: CompareFormat) => compareRenderers[format](comparison, wording);
  const json = await render('json');
  const out = opts.out;
  if (!out) return { comparison, json, stdout: { format: formats[0]!, content: await render(formats[0]!) }, files: [], exitCode: 0 };
  const files: CompareRun['files'] = [];
  for (const format of formats) files.push({ target: reportPath(out, `${stem(currentFile)}-vs-${stem(baselineFile)}`, format), content: await render(format) });
  return { comparison, json, stdout: null, files, exitCode: 0 };
}
