import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, tempDir } from '../helpers.js';

/**
 * A real terminal for the interview (tmux on a socket of its own): start `itaas` in it, type, paste,
 * read the screen, close it. tmux is required (.ci/run installs it); without it a test fails rather
 * than skips.
 *
 * Waiting for the screen reads it again only when the program has written something since: tmux copies
 * everything the program writes to a file (pipe-pane), whose size is cheap to check every few
 * milliseconds, where reading the screen means starting a tmux client.
 */
export interface Terminal {
  /**
   * Runs `itaas ARGS` in a new WxH terminal named `name`; stderr goes to `stderr.log` in `cwd` when
   * `logErrors` is set; `via` is a command to run it through (such as `setsid`).
   */
  start(name: string, args: string[], cwd: string, opts?: { columns?: number; rows?: number; logErrors?: boolean; via?: string[] }): void;
  screen(name: string): string;
  waitFor(name: string, want: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Presses the keys `k`, in order (tmux key names such as Enter, C-c, BSpace). */
  keys(name: string, ...k: string[]): void;
  type(name: string, text: string): void;
  /** Pastes `text` as a terminal does (bracketed, when the program asked for it). */
  paste(name: string, text: string): void;
  /** Closes the terminal window: the program loses its terminal (hang-up, then I/O errors). */
  close(name: string): void;
  /** Ends every terminal this one started. */
  closeAll(): void;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function terminal(label: string): Terminal {
  const socket = `itaas-${label}-${process.pid}`;
  const tmux = (...args: string[]): string => {
    const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    if (r.error) throw new Error(`tmux is needed for this test (apt-get install tmux): ${r.error.message}`);
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);
  // What each terminal's program has written, copied by tmux as it arrives (after tmux has drawn it).
  const output = tempDir('itaas-tmux-');
  const written = (name: string): number => {
    try {
      return statSync(join(output, `${name}.out`)).size;
    } catch {
      return 0;
    }
  };
  return {
    start(name, args, cwd, opts = {}) {
      const errors = opts.logErrors ? ' 2>stderr.log' : '';
      // The shell prints the exit code when the program ends, and keeps the window open to read it.
      const via = opts.via ? `${opts.via.map(q).join(' ')} ` : '';
      const cmd = `cd ${q(cwd)} && ${via}env NO_COLOR=1 ${q(process.execPath)} ${q(bin)} ${args.map(q).join(' ')}${errors}; echo "EXIT=$?"; sleep 120`;
      const copy = `cat >> ${q(join(output, `${name}.out`))}`;
      tmux('new-session', '-d', '-s', name, '-x', String(opts.columns ?? 80), '-y', String(opts.rows ?? 24), cmd, ';', 'pipe-pane', '-t', name, copy);
    },
    screen,
    async waitFor(name, want, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      let last = '';
      let read = -1;
      let readAt = 0;
      for (;;) {
        // The size first: whatever arrives after it makes the file grow again, so nothing is missed.
        const size = written(name);
        // Read the screen when the program wrote something, and twice a second whatever happened.
        if (size !== read || Date.now() - readAt > 500) {
          read = size;
          readAt = Date.now();
          last = screen(name);
          if (typeof want === 'string' ? last.includes(want) : want.test(last)) return last;
        }
        if (Date.now() >= until) throw new Error(`timed out waiting for ${String(want)}; the screen shows:\n${last}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    keys: (name, ...k) => void tmux('send-keys', '-t', name, ...k),
    type: (name, text) => void tmux('send-keys', '-t', name, '-l', text),
    paste(name, text) {
      const file = join(tempDir('itaas-paste-'), 'clipboard.txt');
      writeFileSync(file, text);
      tmux('load-buffer', '-b', 'clip', file);
      tmux('paste-buffer', '-p', '-d', '-b', 'clip', '-t', name);
    },
    close: (name) => void tmux('kill-session', '-t', name),
    closeAll: () => void spawnSync('tmux', ['-L', socket, 'kill-server']),
  };
}
