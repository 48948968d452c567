/*
 * The command lines run most (`itaas report …`, `itaas validate …`) read without the command parser: loading and
 * setting up commander costs more than the rest of a small report's start. Only a line that is plainly right is
 * read here: the command first, files, and the command's own options as `--name value`, `--name=value` or `-x value`.
 * Anything else (help, a mistake, an unknown or incomplete option, `--`, a value that begins with a dash, an option
 * before the command) returns undefined and goes to commander (program.ts) as before, which then says what is
 * wrong in its own words. The options handed to the command are the ones commander would hand it, defaults first
 * in the order program.ts declares them; test/unit/quick-args.test.ts compares the two.
 */

type Options = Record<string, string | boolean | string[]>;

interface OptionSpec {
  key: string;
  short?: string;
  /** Takes a value; `list` splits it at commas and adds to what came before, `repeat` adds it whole. */
  value?: 'one' | 'list' | 'repeat';
  choices?: readonly string[];
}

interface CommandSpec {
  options: Record<string, OptionSpec>;
  defaults: Options;
  run: (files: string[], opts: Options) => Promise<void>;
}

const COMMANDS: Record<string, CommandSpec> = {
  report: {
    options: {
      out: { key: 'out', short: 'o', value: 'one' },
      format: { key: 'format', short: 'f', value: 'list' },
      questionnaire: { key: 'questionnaire', short: 'q', value: 'one' },
      lang: { key: 'lang', value: 'one' },
      aggregate: { key: 'aggregate', value: 'one', choices: ['median', 'mean', 'min'] },
      paper: { key: 'paper', value: 'one', choices: ['a4', 'letter'] },
      templates: { key: 'templates', value: 'one' },
      capacity: { key: 'capacity', value: 'one' },
      start: { key: 'start', value: 'one' },
      check: { key: 'check' },
      'fail-below-target': { key: 'failBelowTarget' },
      'fail-under': { key: 'failUnder', value: 'repeat' },
      'fail-on-regression': { key: 'failOnRegression', value: 'one' },
      portfolio: { key: 'portfolio' },
      json: { key: 'json' },
    },
    defaults: { out: 'reports', aggregate: 'median', paper: 'a4' },
    run: async (files, opts) => (await import('./commands/report.js')).reportCommand(files, opts as never),
  },
  validate: {
    options: {
      questionnaire: { key: 'questionnaire', short: 'q', value: 'one' },
      json: { key: 'json' },
      strict: { key: 'strict' },
    },
    defaults: {},
    run: async (files, opts) => (await import('./commands/validate.js')).validateCommand(files, opts as never),
  },
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
  const byShort = new Map<string, OptionSpec>(Object.values(spec.options).flatMap((o) => (o.short ? [[`-${o.short}`, o]] : [])));
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (PROGRAM_FLAGS.has(arg)) continue;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const option = name.startsWith('--') ? (Object.hasOwn(spec.options, name.slice(2)) ? spec.options[name.slice(2)] : undefined) : byShort.get(name);
    if (!option) return undefined;
    if (!option.value) {
      if (eq > 0) return undefined;
      opts[option.key] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-'))) return undefined;
    if (option.choices && !option.choices.includes(value)) return undefined;
    if (option.value === 'one') opts[option.key] = value;
    else {
      const before = (opts[option.key] as string[] | undefined) ?? [];
      const added =
        option.value === 'list'
          ? value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : [value];
      opts[option.key] = [...before, ...added];
    }
  }
  if (!files.length) return undefined;
  return { files, opts, run: () => spec.run(files, opts) };
}
