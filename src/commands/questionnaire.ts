import { questionnaireTable, questionnaireText } from '../app/questionnaire-show.js';
import { visible } from '../io/terminal-text.js';

export function listCommand(): void {
  const [head, ...rows] = questionnaireTable();
  const widths = head!.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [head!, ...rows]) process.stdout.write(`${visible(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))}\n`);
}

/** Prints a questionnaire (built-in id or file; `extends` resolved) for reading: sections, questions, options and levels. */
export function showCommand(id: string, opts: { lang?: string }): void {
  const { lines, notice } = questionnaireText(id, opts);
  process.stdout.write(`${visible(lines.join('\n'))}\n`);
  if (notice) process.stderr.write(`${notice}\n`);
}
