import { visible } from './io/terminal-text.js';
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

/** Colour only on a TTY, never with NO_COLOR or --no-color. */
export function useColor(stream: NodeJS.WriteStream = process.stderr, argv = process.argv): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (argv.includes('--no-color')) return false;
  return Boolean(stream.isTTY);
}

let instance: ChalkInstance | undefined;
export function colors(): ChalkInstance {
  instance ??= new Chalk({ level: useColor() ? 1 : 0 });
  return instance;
}

/** Text from a file in quotes for a terminal, its control characters made visible. */
export const quoted = (s: string): string => `"${visible(s)}"`;
