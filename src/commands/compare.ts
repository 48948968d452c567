import { basename, join } from 'node:path';
import { compareSnapshots } from '../core/compare.js';
import { makeOutputFolder, writeFileAtomic } from '../io/atomic-write.js';
import { terminalSafeJson } from '../io/terminal-text.js';
import { UserError } from '../load/problems.js';
import { renderComparisonJson, renderComparisonMarkdown } from '../report/compare-md.js';
import { colors } from '../ui.js';
import { reportPath } from './report.js';
import { loadSnapshot } from './snapshot.js';

export interface CompareOptions {
  format?: string[];
  out?: string;
  json?: boolean;
}

const FORMATS = ['md', 'json'];
const stem = (f: string) => basename(f).replace(/\.(ya?ml|json)$/i, '');

export async function compareCommand(baselineFile: string, currentFile: string, opts: CompareOptions): Promise<void> {
  const formats = [...new Set(opts.format?.length ? opts.format : opts.json ? ['json'] : ['md'])];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) throw new UserError(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')} for compare; choose from ${FORMATS.join(', ')}`);
  if (!opts.out && formats.length > 1) throw new UserError(`several formats (${formats.join(', ')}) need --out DIR; without it the comparison goes to stdout in one format`);
  if (!opts.out && opts.json && formats[0] !== 'json') throw new UserError('--json prints JSON on stdout; drop --format md or add --out DIR');

  const [baseline, current] = [await loadSnapshot(baselineFile), await loadSnapshot(currentFile)];
  const comparison = compareSnapshots(baseline, current);
  const render = (f: string) => (f === 'json' ? renderComparisonJson(comparison) : renderComparisonMarkdown(comparison));

  if (!opts.out) {
    process.stdout.write(formats[0] === 'json' ? terminalSafeJson(render('json')) : render(formats[0]!));
    return;
  }
  const c = colors();
  makeOutputFolder(opts.out);
  for (const f of formats) {
    const target = reportPath(opts.out, `${stem(currentFile)}-vs-${stem(baselineFile)}`, f);
    await writeFileAtomic(target, render(f), { shownAs: join(opts.out, basename(target)) });
    process.stderr.write(`${c.green('wrote')} ${join(opts.out, basename(target))}\n`);
  }
  // With --out, --json still promises one JSON document on stdout.
  if (opts.json) process.stdout.write(terminalSafeJson(renderComparisonJson(comparison)));
}
