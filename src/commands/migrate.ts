import { runMigrate } from '../app/migrate.js';
import type { MigrateSummary } from '../app/migrate.js';
import { colors, quoted } from '../ui.js';

/** What a migration did (or would do): per respondent what carried over and what is to be asked again, then why. */
export function describeMigration(s: MigrateSummary): string[] {
  const plan = s.plan;
  if (!plan) return [];
  const out = [`${s.file}: ${plan.questionnaire} ${plan.from} -> ${plan.to}`];
  for (const r of plan.respondents) {
    const taken = r.dropped.length ? `; taken out (the question changed): ${r.dropped.map((d) => d.question).join(', ')}` : '';
    out.push(`  ${quoted(r.name)}: ${r.kept} answer${r.kept === 1 ? '' : 's'} carried over${taken}`);
    out.push(r.askAgain.length ? `    to ask again: ${r.askAgain.join(', ')}` : '    nothing to ask again');
  }
  if (plan.changed.length) {
    out.push('What changed in the questions answered:');
    for (const c of plan.changed) out.push(`  ${c.question}: ${c.why}`);
  }
  return out;
}

export interface MigrateCommandOptions {
  dryRun?: boolean;
}

export async function migrateCommand(files: string[], opts: MigrateCommandOptions): Promise<void> {
  const c = colors();
  for (const file of files) {
    const s = runMigrate(file, opts);
    for (const line of describeMigration(s)) process.stdout.write(`${line}\n`);
    if (!s.plan) {
      process.stderr.write(`${file} is already for questionnaire version ${s.to}; it was left unchanged\n`);
      continue;
    }
    if (opts.dryRun) {
      process.stderr.write(`Dry run: ${file} was not changed\n`);
      continue;
    }
    const open = s.plan.respondents.some((r) => r.askAgain.length);
    process.stderr.write(`${c.green('updated')} ${file} (answers taken out are kept as comments in it)\n`);
    if (open) process.stderr.write(`Ask the open questions with \`itaas assess --answers ${file}\`: it resumes each respondent at the first unanswered question.\n`);
  }
}
