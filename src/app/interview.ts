import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { visible } from '../io/terminal-text.js';
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

/** The terminal went away (closed window, dropped SSH session) while a prompt was reading it. */
export function terminalGone(error: unknown): boolean {
  const err = error as NodeJS.ErrnoException | undefined;
  return Boolean(
    err && (err.code === 'EIO' || err.code === 'ENXIO' || (err.code === 'ERR_INTERNAL_ASSERTION' && /tty|setRawMode/i.test(String(err.stack))) || /setRawMode EIO/.test(String(err.message))),
  );
}

/**
 * Ends the process as a closed terminal does: killed by SIGHUP (the shell reports 129). Not through
 * process.exit: on exit Node sets the terminal back as it found it, and with the terminal gone that
 * fails an internal assertion that prints a native stack trace.
 */
export function endAsHangUp(): void {
  process.exitCode = 129;
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}

/**
 * A terminal closed under a prompt can surface as an I/O error from setRawMode or the read (EIO),
 * even as an uncaught one from inside the prompt library: that is a hang-up, not a bug.
 */
export function onLostTerminal(hangUp: () => void, release: () => void): (error: unknown) => void {
  return (thrown: unknown) => {
    if (terminalGone(thrown)) hangUp();
    release();
    const err = thrown as Error | undefined;
    process.stderr.write(
      `internal error: ${visible(err?.message ?? String(thrown))}\n${process.argv.includes('--debug') ? `${err?.stack ?? ''}\n` : 'This is a bug in itaas. Run again with --debug for details and report it.\n'}`,
    );
    process.exit(70);
  };
}
