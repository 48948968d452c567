import { exportSheet, importSheet } from '../app/sheet.js';
import type { SheetExportOptions } from '../app/sheet.js';
import type { Prefer } from '../core/merge.js';
import { UserError } from '../errors.js';
import { colors } from '../ui.js';
import { mergeCommand } from './merge.js';

export async function sheetExportCommand(opts: SheetExportOptions & { layout?: string }): Promise<void> {
  if (opts.layout !== undefined && opts.layout !== 'columns' && opts.layout !== 'sheets')
    throw new UserError(`--layout is columns (a column per respondent) or sheets (a sheet per respondent), not ${JSON.stringify(opts.layout)}`);
  const summary = await exportSheet(opts);
  process.stderr.write(
    `${colors().green('wrote')} ${summary.out}: ${summary.questions} questions, ${summary.respondents} respondent${summary.respondents === 1 ? '' : 's'} on ${summary.sheets.map((n) => `"${n}"`).join(', ')}\n` +
      `Bring it back with: itaas sheet import ${summary.out} --answers ASSESSMENT.yaml\n`,
  );
}

export async function sheetImportCommand(file: string, opts: { answers: string; prefer?: string; dryRun?: boolean; questionnaire?: string }): Promise<void> {
  // The same checks, conflict list and output as itaas merge, with the workbook as the one input.
  await mergeCommand(opts.answers, [], opts, async (prefer?: Prefer) =>
    importSheet(file, { answers: opts.answers, ...(prefer ? { prefer } : {}), ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.questionnaire ? { questionnaire: opts.questionnaire } : {}) }),
  );
}
