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

/**
 * Text from a file, quoted for a terminal: control characters, escape sequences and direction marks
 * are shown as escapes, so a note cannot move the cursor, recolour the screen or reorder the line.
 */
export function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
