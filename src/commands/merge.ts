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
export function mergeJson(s: MergeSummary, dryRun = false) {
  const side = (x: Conflict['ours']) => ({ source: x.source, value: x.answer ?? x.value });
  return {
    target: s.target,
    created: s.created,
    written: s.written,
    dryRun,
    respondents: [
      ...s.plan.changes.map((c) => ({ name: c.name, status: c.isNew ? 'new' : 'updated', answers: c.answers.length, changed: c.changed, sources: c.sources })),
      ...s.plan.unchanged.map((u) => ({ name: u.name, status: 'unchanged', answers: 0, changed: 0, sources: [u.source] })),
    ],
    conflicts: s.plan.conflicts.map((c) => ({
      respondent: c.respondent,
      field: c.field,
      existing: side(c.ours),
      incoming: side(c.theirs),
      kept: c.kept === 'ours' ? 'existing' : c.kept === 'theirs' ? 'incoming' : null,
    })),
    exitCode: s.exitCode,
  };
}

const PREFER: Record<string, Prefer> = { newer: 'newer', target: 'target', input: 'input' };

/** What a merge did or would do, one line per respondent, then each disagreement and how it was settled. */
export function describeMerge(s: MergeSummary, dryRun = false): string[] {
  const out: string[] = [];
  for (const c of s.plan.changes) {
    const from = c.sources.length ? ` from ${c.sources.join(', ')}` : '';
    if (c.isNew) out.push(`+ ${quoted(c.name)}: new respondent, ${c.answers.length} answer${c.answers.length === 1 ? '' : 's'}${from}`);
    else {
      const added = c.answers.length - c.changed;
      const parts = [added ? `${added} answer${added === 1 ? '' : 's'} added` : '', c.changed ? `${c.changed} changed` : ''].filter(Boolean);
      out.push(`~ ${quoted(c.name)}: ${parts.join(', ') || 'details updated'}${from}`);
    }
  }
  for (const u of s.plan.unchanged) out.push(`= ${quoted(u.name)}: already in ${s.target}, identical (${u.source})`);
  for (const c of s.plan.conflicts.filter((x) => x.kept)) {
    const kept = c.kept === 'ours' ? c.ours : c.theirs;
    out.push(`  ${quoted(c.respondent)} · ${c.field}: kept ${quoted(kept.value)} from ${kept.source} over ${quoted((c.kept === 'ours' ? c.theirs : c.ours).value)}`);
  }
  if (dryRun) out.unshift(`Dry run: nothing is written. Merging into ${s.target}${s.created ? ' (a new file)' : ''} would do this:`);
  return out;
}

/** Runs a merge (of answers files, or of what `run` reads) and prints it; unresolved conflicts exit 2. */
export async function mergeCommand(target: string, inputs: string[], opts: MergeCommandOptions, run?: (prefer?: Prefer) => Promise<MergeSummary>): Promise<void> {
  const prefer = opts.prefer === undefined ? undefined : PREFER[opts.prefer.toLowerCase()];
  if (opts.prefer !== undefined && !prefer) throw new UserError(`--prefer ${quoted(opts.prefer)} is not one of newer, target, input`);
  const s = run
    ? await run(prefer)
    : runMerge(target, inputs, { ...(prefer ? { prefer } : {}), ...(opts.dryRun ? { dryRun: true } : {}), ...(opts.questionnaire ? { questionnaire: opts.questionnaire } : {}) });
  const open = s.plan.conflicts.filter((c) => !c.kept);
  // With --json the summary goes to stdout whatever the outcome; the messages stay on stderr.
  if (opts.json) process.stdout.write(`${terminalSafeJson(JSON.stringify(mergeJson(s, opts.dryRun), null, 2))}\n`);
  if (open.length) {
    throw new UserError(
      `${open.length === 1 ? '1 answer differs' : `${open.length} answers differ`} between ${target} and the inputs; nothing was written:\n` +
        open.map((c) => `  ${quoted(c.respondent)} · ${c.field}: ${c.ours.source} has ${quoted(c.ours.value)}, ${c.theirs.source} has ${quoted(c.theirs.value)}`).join('\n') +
        `\nKeep one side with --prefer target, --prefer input or --prefer newer (the later "updated" stamp), or make the answers agree by hand.`,
    );
  }
  if (!opts.json) for (const line of describeMerge(s, opts.dryRun)) process.stdout.write(`${line}\n`);
  const c = colors();
  if (opts.dryRun) return;
  if (s.written) process.stderr.write(`${c.green(s.created ? 'created' : 'updated')} ${target}\n`);
  else process.stderr.write(`${target} already holds every answer; it was left unchanged\n`);
}
