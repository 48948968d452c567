import { runMigrate } from '../app/migrate.js';
import type { MigrateSummary } from '../app/migrate.js';
import { colors, quoted } from '../ui.js';

/** What a migration did (or would do): per respondent what carried over and what is to be asked again, then why. */
export function describeMigration(summary: MigrateSummary): string[] {
  const plan = summary.plan;
  if (!plan) return [];
  const out = [`${summary.file}: ${plan.questionnaire} ${plan.from} -> ${plan.to}`];
  for (const migration of plan.respondents) {
    const taken = migration.dropped.length ? `; taken out (the question changed): ${migration.dropped.map((d) => d.question).join(', ')}` : '';
    out.push(`  ${quoted(migration.name)}: ${migration.kept} answer${migration.kept === 1 ? '' : 's'} carried over${taken}`);
    out.push(migration.askAgain.length ? `    to ask again: ${migration.askAgain.join(', ')}` : '    nothing to ask again');
  }
  if (plan.changed.length) {
    out.push('What changed in the questions answered:');
    for (const change of plan.changed) out.push(`  ${change.question}: ${change.why}`);
  }
  return out;
}

export interface MigrateCommandOptions {
  dryRun?: boolean;
}

export async function migrateCommand(files: string[], opts: MigrateCommandOptions): Promise<void> {
  const paint = colors();
  for (const file of files) {
    const summary = runMigrate(file, opts);
    for (const line of describeMigration(summary)) process.stdout.write(`${line}\n`);
    if (!summary.plan) {
      process.stderr.write(`${file} is already for questionnaire version ${summary.to}; it was left unchanged\n`);
      continue;
    }
    if (opts.dryRun) {
      process.stderr.write(`Dry run: ${file} was not changed\n`);
      continue;
    }
    const open = summary.plan.respondents.some((r) => r.askAgain.length);
    process.stderr.write(`${paint.green('updated')} ${file} (answers taken out are kept as comments in it)\n`);
    if (open) process.stderr.write(`Ask the open questions with \`itaas assess --answers ${file}\`: it resumes each respondent at the first unanswered question.\n`);
  }
}
