import { basename, join } from 'node:path';
import { runCompare } from '../app/compare-run.js';
import type { CompareRunOptions } from '../app/compare-run.js';
import { makeOutputFolder, writeFileAtomic } from '../io/atomic-write.js';
import { terminalSafeJson } from '../io/terminal-text.js';
import { colors } from '../ui.js';

export async function compareCommand(baselineFile: string, currentFile: string, opts: CompareRunOptions): Promise<void> {
  const run = await runCompare(baselineFile, currentFile, opts);
  if (run.stdout !== null || !opts.out) {
    if (run.stdout) process.stdout.write(run.stdout.format === 'json' ? terminalSafeJson(run.stdout.content) : run.stdout.content);
    return;
  }
  const color = colors();
  makeOutputFolder(opts.out);
  for (const file of run.files) {
    await writeFileAtomic(file.target, file.content, { shownAs: join(opts.out, basename(file.target)) });
    process.stderr.write(`${color.green('wrote')} ${join(opts.out, basename(file.target))}\n`);
  }
  // With --out, --json still promises one JSON document on stdout.
  if (opts.json) process.stdout.write(terminalSafeJson(run.json));
}
