import { basename } from 'node:path';
import { gateFailures, runReport, runSummary } from '../app/report-run.js';
import type { ReportRunOptions } from '../app/report-run.js';
import { terminalSafeJson, visible } from '../io/terminal-text.js';
import { CheckFailed, UserError } from '../errors.js';
import { colors } from '../ui.js';

export interface ReportOptions extends ReportRunOptions {
  json?: boolean;
}

export async function reportCommand(files: string[], opts: ReportOptions): Promise<void> {
  const color = colors();
  // On a terminal a batch shows one progress line instead of a line per report written.
  const progress = Boolean(process.stderr.isTTY) && files.length > 1;
  const run = await runReport(files, opts, {
    fileStarted: (index, file) => {
      if (progress) process.stderr.write(`\r\x1b[K${index + 1}/${files.length} ${visible(basename(file))}`);
    },
    notice: (line) => process.stderr.write(`${progress ? '\r\x1b[K' : ''}${visible(line)}\n`),
    wrote: (shown) => {
      if (!progress) process.stderr.write(`${color.green('wrote')} ${visible(shown)}\n`);
    },
  });
  if (progress) process.stderr.write('\r\x1b[K');

  const bad = run.files.filter((o) => o.status === 'error');
  const failures = gateFailures(run);
  const checkFailed = run.stale.length + run.missing.length > 0;
  if (progress && run.written) process.stderr.write(`${color.green('wrote')} ${run.written} file${run.written === 1 ? '' : 's'} into ${opts.out}\n`);
  for (const outcome of bad) for (const message of outcome.errors) process.stderr.write(`${visible(message)}\n`);
  for (const path of run.stale) process.stderr.write(`stale: ${path}\n`);
  for (const absent of run.missing) process.stderr.write(`missing: ${absent}\n`);
  if (opts.check && !checkFailed && !bad.length) process.stderr.write(`${color.green('ok')}  every report in ${opts.out} is up to date\n`);
  for (const failure of failures) process.stderr.write(`${color.red('fail:')} ${visible(`${failure.file}: ${failure.message}`)}\n`);
  if (opts.json) process.stdout.write(`${terminalSafeJson(JSON.stringify(runSummary(run, opts), null, 2))}\n`);

  if (bad.length) {
    const also = [checkFailed ? 'stale or missing reports' : '', failures.length ? 'failed gates' : ''].filter(Boolean).join(' and ');
    throw new UserError(
      `${bad.length} of ${files.length} answers file${files.length > 1 ? 's' : ''} could not be reported; fix the problems above${also ? ` (there are also ${also}; bad input takes precedence, exit 2)` : ''}`,
    );
  }
  const parts: string[] = [];
  const stale = run.stale.length + run.missing.length;
  if (checkFailed) parts.push(`${stale} report${stale > 1 ? 's' : ''} stale or missing in ${opts.out}; run the same command without --check to regenerate them`);
  if (failures.length) parts.push(`${failures.length} gate${failures.length > 1 ? 's' : ''} failed`);
  if (parts.length) throw new CheckFailed(parts.join('; '));
}
