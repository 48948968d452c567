/** The terminal went away (closed window, dropped SSH session) while a prompt was reading it. */
export function terminalGone(error: unknown): boolean {
  const err = error as NodeJS.ErrnoException | undefined;
  return Boolean(
    err && (err.code === 'EIO' || err.code === 'ENXIO' || (err.code === 'ERR_INTERNAL_ASSERTION' && /tty|setRawMode/i.test(String(err.stack))) || /setRawMode EIO/.test(String(err.message))),
  );
}
