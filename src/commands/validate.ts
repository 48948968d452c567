import { checkFileQuickly } from '../load/quick.js';
import { formatProblem, sortProblems } from '../errors.js';
import type { Problem } from '../errors.js';
import { terminalSafeJson, visible } from '../io/terminal-text.js';
import { colors } from '../ui.js';

export interface ValidateOptions {
  questionnaire?: string;
  json?: boolean;
  strict?: boolean;
}

export async function validateCommand(files: string[], opts: ValidateOptions): Promise<void> {
  const paint = colors();
  const results = [];
  for (const file of files) results.push({ file, ...(await checkFileQuickly(file, { questionnaire: opts.questionnaire, strict: opts.strict })) });
  // A file named on the command line and also read through another (a questionnaire and its answers)
  // yields the same problems twice; each is listed once.
  const seen = new Set<string>();
  const problems: Problem[] = sortProblems(results.flatMap((r) => r.problems)).filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.col, problem.severity, problem.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const errors = problems.filter((p) => p.severity === 'error');
  const bad = new Set(errors.map((p) => p.file));
  const invalid = results.filter((r) => r.problems.some((p) => p.severity === 'error')).length;
  if (opts.json) {
    const doc = {
      valid: errors.length === 0,
      files: results.map((r) => ({
        file: r.file,
        kind: r.kind ?? null,
        valid: !r.problems.some((p) => p.severity === 'error'),
        problems: r.problems.map((p) => ({ file: p.file, line: p.line ?? null, col: p.col ?? null, severity: p.severity, message: p.message })),
      })),
    };
    process.stdout.write(`${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`);
  } else {
    for (const found of problems) process.stdout.write(`${found.severity === 'error' ? formatProblem(found) : paint.yellow(formatProblem(found))}\n`);
    for (const checked of results) {
      if (!checked.problems.some((p) => p.severity === 'error')) process.stderr.write(`${paint.green('ok')}  ${visible(checked.file)}${checked.kind ? ` (${checked.kind})` : ''}\n`);
    }
  }
  if (errors.length) {
    process.stderr.write(
      `${paint.red(`${errors.length} problem${errors.length > 1 ? 's' : ''}`)} in ${invalid} of ${files.length} file${files.length > 1 ? 's' : ''}${bad.size > invalid ? ` (and in ${bad.size - invalid} file${bad.size - invalid > 1 ? 's' : ''} they refer to)` : ''}\n`,
    );
    process.exitCode = 2;
  }
}
