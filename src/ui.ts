import { realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { visible } from './io/terminal-text.js';
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

/** Colour only on a TTY, never with NO_COLOR or --no-color. */
export function useColor(stream: NodeJS.WriteStream = process.stderr, argv = process.argv): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (argv.includes('--no-color')) return false;
  return Boolean(stream.isTTY);
}

/** The one chalk setup: basic colours or none. */
export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

let instance: ChalkInstance | undefined;
/** Colours for messages on stderr. */
export function colors(): ChalkInstance {
  instance ??= palette(useColor());
  return instance;
}

/** Text from a file in quotes for a terminal, its control characters made visible. */
export const quoted = (s: string): string => `"${visible(s)}"`;

/**
 * How the user can run this itaas again from a shell, for the commands we suggest: `itaas` when the
 * `itaas` on the PATH is this very program, else `npx itaas` (installed in a project, or run from a
 * clone of the repository).
 */
export function itaasCommand(env: NodeJS.ProcessEnv = process.env, self: string | undefined = process.argv[1]): string {
  if (!self) return 'npx itaas';
  let me: string;
  try {
    me = realpathSync(self);
  } catch {
    return 'npx itaas';
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      if (realpathSync(join(dir, 'itaas')) === me) return 'itaas';
    } catch {
      // Not there: look in the next folder.
    }
  }
  return 'npx itaas';
}
