import type { Conflict, Prefer } from '../core/merge.js';
import { runMerge } from '../app/merge.js';
import type { MergeSummary } from '../app/merge.js';
import { UserError } from '../errors.js';
import { terminalSafeJson } from '../io/terminal-text.js';
import { colors, quoted } from '../ui.js';

export interface MergeCommandOptions {
  prefer?: string;
  dryRun?: boolean;
  questionnaire?: string;
  json?: boolean;
}

/** The merge as one JSON document: each respondent's outcome and each disagreement with how it was settled. */
export function mergeJson(summary: MergeSummary, dryRun = false) {
  const side = (x: Conflict['ours']) => ({ source: x.source, value: x.answer ?? x.value });
  return {
    target: summary.target,
    created: summary.created,
    written: summary.written,
    dryRun,
    respondents: [
      ...summary.plan.changes.map((c) => ({ name: c.name, status: c.isNew ? 'new' : 'updated', answers: c.answers.length, changed: c.changed, sources: c.sources })),
      ...summary.plan.unchanged.map((u) => ({ name: u.name, status: 'unchanged', answers: 0, changed: 0, sources: [u.source] })),
    ],
    conflicts: summary.plan.conflicts.map((c) => ({
      respondent: c.respondent,
      field: c.field,
      existing: side(c.ours),
      incoming: side(c.theirs),
      kept: c.kept === 'ours' ? 'existing' : c.kept === 'theirs' ? 'incoming' : null,
    })),
    exitCode: summary.exitCode,
  };
}

const PREFER: Record<string, Prefer> = { newer: 'newer', target: 'target', input: 'input' };

/** What a merge did or would do, one line per respondent, then each disagreement and how it was settled. */
export function describeMerge(summary: MergeSummary, dryRun = false): string[] {
  const out: string[] = [];
  for (const change of summary.plan.changes) {
    const from = change.sources.length ? ` from ${change.sources.join(', ')}` : '';
    if (change.isNew) out.push(`+ ${quoted(change.name)}: new respondent, ${change.answers.length} answer${change.answers.length === 1 ? '' : 's'}${from}`);
    else {
      const added = change.answers.length - change.changed;
      const parts = [added ? `${added} answer${added === 1 ? '' : 's'} added` : '', change.changed ? `${change.changed} changed` : ''].filter(Boolean);
      out.push(`~ ${quoted(change.name)}: ${parts.join(', ') || 'details updated'}${from}`);
    }
  }
  for (const unchanged of summary.plan.unchanged) out.push(`= ${quoted(unchanged.name)}: already in ${summary.target}, identical (${unchanged.source})`);
  for (const conflict of summary.plan.conflicts.filter((x) => x.kept)) {
    const kept = conflict.kept === 'ours' ? conflict.ours : conflict.theirs;
    out.push(`  ${quoted(conflict.respondent)} · ${conflict.field}: kept ${quoted(kept.value)} from ${kept.source} over ${quoted((conflict.kept === 'ours' ? conflict.theirs : conflict.ours).value)}`);
  }
  if (dryRun) out.unshift(`Dry run: nothing is written. Merging into ${summary.target}${summary.created ? ' (a new file)' : ''} would do this:`);
  return out;
}

/** Runs a merge (of answers files, or of what `run` reads) and prints it; unresolved conflicts exit 2. */
export async function mergeCommand(target: string, inputs: string[], opts: MergeCommandOptions, run?: (prefer?: Prefer) => Promise<MergeSummary>): Promise<void> {
  const prefer = opts.prefer === undefined ? undefined : PREFER[opts.prefer.toLowerCase()];
  if (opts.prefer !== undefined && !prefer) throw new UserError(`--prefer ${quoted(opts.prefer)} is not one of newer, target, input`);
  const summary = run
    ? await run(prefer)
    : runMerge(target, inputs, { ...(prefer ? { prefer } : {}), ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.questionnaire ? { questionnaire: opts.questionnaire } : {}) });
  const open = summary.plan.conflicts.filter((c) => !c.kept);
  // With --json the summary goes to stdout whatever the outcome; the messages stay on stderr.
  if (opts.json) process.stdout.write(`${terminalSafeJson(JSON.stringify(mergeJson(summary, opts.dryRun), null, 2))}\n`);
  if (open.length) {
    throw new UserError(
      `${open.length === 1 ? '1 answer differs' : `${open.length} answers differ`} between ${target} and the inputs; nothing was written:\n` +
        open.map((c) => `  ${quoted(c.respondent)} · ${c.field}: ${c.ours.source} has ${quoted(c.ours.value)}, ${c.theirs.source} has ${quoted(c.theirs.value)}`).join('\n') +
        `\nKeep one side with --prefer target, --prefer input or --prefer newer (the later "updated" stamp), or make the answers agree by hand.`,
    );
  }
  if (!opts.json) for (const line of describeMerge(summary, opts.dryRun)) process.stdout.write(`${line}\n`);
  const paint = colors();
  if (opts.dryRun) return;
  if (summary.written) process.stderr.write(`${paint.green(summary.created ? 'created' : 'updated')} ${target}\n`);
  else process.stderr.write(`${target} already holds every answer; it was left unchanged\n`);
}
