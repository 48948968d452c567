import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';

/** A path as it can be pasted into a shell. */
export function shellQuote(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Today in the local calendar: the interview happens here and now (reports never read the clock). */
export function localToday(): string {
  const now = new Date();
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The person left a prompt (Ctrl-C, Escape): an interruption, not an error. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** Refuses an answers path that cannot become a file, before a lock is taken or anything is asked. */
export function checkAnswersPath(path: string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`${path}: the folder ${dir} does not exist; create it first or name another --answers file`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UserError(`${path} is a folder; name a .yaml file with --answers`);
}
