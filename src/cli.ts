import { readFileSync } from 'node:fs';

/** The version from package.json, found from dist/cli.js and from the bundle in dist/bundle/ alike. */
function readVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'itaas' && pkg.version) return pkg.version;
    } catch {
      // not at this level
    }
  }
  return '0.0.0';
}

const debug = process.argv.includes('--debug');

/**
 * Ends the process as a closed terminal does: killed by SIGHUP (the shell reports 129). Not through
 * process.exit: on exit Node sets the terminal back as it found it, and with the terminal gone that
 * fails an internal assertion that prints a native stack trace.
 */
function endAsHangUp(): void {
  process.exitCode = 129;
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}

// An error nobody caught is a bug: one line and exit 70, the stack only with --debug. A terminal closed
// under a prompt can surface here too, as an I/O error from inside the prompt library: that is a
// hang-up, handled as one (an interview frees its answers file first) and ended as one.
process.on('uncaughtException', (error: unknown) => {
  void (async () => {
    const { terminalGone } = await import('./io/terminal-gone.js');
    if (terminalGone(error)) {
      process.emit('SIGHUP', 'SIGHUP');
      return endAsHangUp();
    }
    await report(error);
    process.exit(process.exitCode ?? 70);
  })();
});

// `itaas ... | head` closes the pipe early: the reader has what it wanted, so stop quietly.
// Any other failure to write (a full disk behind `> file`, /dev/full) is an input/output problem of
// the caller's making: one line on stderr, exit 2, never a stack trace or the exit code of a failed check.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (failure: NodeJS.ErrnoException) => {
    if (failure.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // The terminal is gone (a closed window): a hang-up, handled as one by the command that listens for
    // it (assess frees its answers file), else ended by it; there is no one left to tell.
    if (failure.code === 'EIO') {
      if (process.listenerCount('SIGHUP')) process.emit('SIGHUP', 'SIGHUP');
      else endAsHangUp();
      return;
    }
    if (stream === process.stdout) {
      const why = failure.code === 'ENOSPC' || failure.code === 'EDQUOT' ? 'no space left on the device' : (failure.message ?? String(failure));
      try {
        process.stderr.write(`error: cannot write to standard output: ${why}; the output is incomplete\n`);
      } catch {
        /* nowhere left to say it */
      }
    }
    process.exit(2);
  });
}

/** The one place that turns an error into a message and an exit code. */
async function report(thrown: unknown): Promise<void> {
  const { UserError, CheckFailed, HangUp } = await import('./errors.js');
  if (thrown instanceof HangUp) return endAsHangUp();
  const { colors } = await import('./ui.js');
  const { visible } = await import('./io/terminal-text.js');
  const paint = colors();
  if (thrown instanceof UserError || thrown instanceof CheckFailed) {
    process.stderr.write(`${paint.red('error:')} ${visible(thrown.message)}\n`);
    // A mistake in the input is never a bug: no stack trace, even with --debug.
    process.exitCode = thrown.exitCode;
    return;
  }
  const { CommanderError } = await import('commander');
  if (thrown instanceof CommanderError) {
    process.exitCode = thrown.exitCode === 0 ? 0 : 2;
    return;
  }
  const err = thrown as NodeJS.ErrnoException;
  if (err && (err.code === 'EACCES' || err.code === 'ENOSPC' || err.code === 'EROFS' || err.code === 'EISDIR' || err.code === 'ENOTDIR')) {
    process.stderr.write(`${paint.red('error:')} ${visible(err.message)}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`${paint.red('internal error:')} ${visible(err?.message ?? String(thrown))}\n`);
  process.stderr.write(debug ? `${err?.stack ?? ''}\n` : 'This is a bug in itaas. Run again with --debug for details and report it.\n');
  process.exitCode = 70;
}

/** The top-level help as commander prints it off a terminal, saved by the build (dist/help.txt). */
function savedHelp(): string | undefined {
  for (const rel of ['./help.txt', '../help.txt']) {
    try {
      return readFileSync(new URL(rel, import.meta.url), 'utf8');
    } catch {
      // not at this level
    }
  }
  return undefined;
}

const args = process.argv.slice(2);
const help = args.length === 1 && (args[0] === '--help' || args[0] === '-h') && !process.stdout.isTTY ? savedHelp() : undefined;
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The most frequent scripted calls need no command parser at all.
  process.stdout.write(`${readVersion()}\n`);
} else if (help !== undefined) {
  process.stdout.write(help);
} else {
  try {
    // `itaas report …` and `itaas validate …` as they are usually typed need no command parser (quick-args.ts).
    const quick = args[0] === 'report' || args[0] === 'validate' ? (await import('./quick-args.js')).quickCommand(args) : undefined;
    if (quick) await quick.run();
    else {
      const { buildProgram } = await import('./program.js');
      await buildProgram(readVersion()).parseAsync(process.argv);
    }
  } catch (e) {
    await report(e);
  }
}
