/*
 * The command lines run most (`itaas report …`, `itaas validate …`) read without the command parser: loading and
 * setting up commander costs more than the rest of a small report's start. Only a line that is plainly right is
 * read here: the command first, files, and the command's own options as `--name value`, `--name=value` or `-x value`.
 * Anything else (help, a mistake, an unknown or incomplete option, `--`, a value that begins with a dash, an option
 * before the command) returns undefined and goes to commander (program.ts) as before, which then says what is
 * wrong in its own words. The options handed to the command are the ones commander would hand it, defaults first
 * in the order command-options.ts declares them (commander is given the same declarations);
 * test/unit/quick-args.test.ts compares the two.
 */

import { list, REPORT_OPTIONS, repeat, VALIDATE_OPTIONS } from './command-options.js';
import type { OptionSpec } from './command-options.js';

type Options = Record<string, string | boolean | string[]>;

/** An option as this reader needs it, worked out from its declaration: `--fail-under <…>` is `failUnder`, takes a value. */
interface QuickOption {
  key: string;
  takesValue: boolean;
  choices?: readonly string[];
  collect?: (value: string, before?: string[]) => string[];
}

interface CommandSpec {
  /** By `--long` and `-s` name. */
  options: Map<string, QuickOption>;
  defaults: Options;
  run: (files: string[], opts: Options) => Promise<void>;
}

function command(specs: readonly OptionSpec[], run: CommandSpec['run']): CommandSpec {
  const options = new Map<string, QuickOption>();
  const defaults: Options = {};
  for (const spec of specs) {
    const [, short, long] = /^(?:(-\w), )?(--[\w-]+)/.exec(spec.flags)!;
    const key = long!.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const option: QuickOption = { key, takesValue: spec.flags.includes('<'), choices: spec.choices, collect: spec.collect && (spec.collect === 'list' ? list : repeat) };
    options.set(long!, option);
    if (short) options.set(short, option);
    if (spec.default !== undefined) defaults[key] = spec.default;
  }
  return { options, defaults, run };
}

const COMMANDS: Record<string, CommandSpec> = {
  report: command(REPORT_OPTIONS, async (files, opts) => (await import('./commands/report.js')).reportCommand(files, opts as never)),
  validate: command(VALIDATE_OPTIONS, async (files, opts) => (await import('./commands/validate.js')).validateCommand(files, opts as never)),
};

/** The program's own options, which commander accepts after the command too; they do not reach the command. */
const PROGRAM_FLAGS = new Set(['--no-color', '--debug']);

/** A plainly right `report` or `validate` line: its files, the options commander would give, and the command to run. */
interface QuickLine {
  files: string[];
  opts: Options;
  run: () => Promise<void>;
}

/** The `report` or `validate` line read without commander, or undefined for commander to read it. */
export function quickCommand(args: readonly string[]): QuickLine | undefined {
  const spec = COMMANDS[args[0] ?? ''];
  if (!spec || !Object.hasOwn(COMMANDS, args[0]!)) return undefined;
  const opts: Options = { ...spec.defaults };
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (PROGRAM_FLAGS.has(arg)) continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const option = spec.options.get(eq > 0 ? arg.slice(0, eq) : arg);
    if (!option) return undefined;
    if (!option.takesValue) {
      if (eq > 0) return undefined;
      opts[option.key] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    if (option.choices && !option.choices.includes(value)) return undefined;
    opts[option.key] = option.collect ? option.collect(value, opts[option.key] as string[] | undefined) : value;
  }
  if (!files.length) return undefined;
  return { files, opts, run: () => spec.run(files, opts) };
}
