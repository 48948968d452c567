import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const debug = process.argv.includes('--debug');

/** The one place that turns an error into a message and an exit code. */
async function report(e: unknown): Promise<void> {
  const { UserError, CheckFailed } = await import('./load/problems.js');
  const { colors } = await import('./ui.js');
  const c = colors();
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
    return;
  }
  if (e instanceof UserError || e instanceof CheckFailed) {
    process.stderr.write(`${c.red('error:')} ${e.message}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = e.exitCode;
    return;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && (err.code === 'EACCES' || err.code === 'ENOSPC' || err.code === 'EROFS' || err.code === 'EISDIR' || err.code === 'ENOTDIR')) {
    process.stderr.write(`${c.red('error:')} ${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`${c.red('internal error:')} ${err?.message ?? String(e)}\n`);
  process.stderr.write(debug ? `${err?.stack ?? ''}\n` : 'This is a bug in itaas. Run again with --debug for details and report it.\n');
  process.exitCode = 70;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const program = new Command()
  .name('itaas')
  .description('IT-as-a-Service maturity assessments: interview, score, and write a roadmap report.')
  .version(pkg.version, '-V, --version', 'print the version')
  .option('--no-color', 'no colours in messages (also NO_COLOR=1)')
  .option('--debug', 'show stack traces for errors')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
  .addHelpText(
    'after',
    `${examples(
      'itaas report examples/northwind-logistics.yaml',
      'itaas validate models/*.yaml questionnaires/*.yaml examples/*.yaml',
    )}\nExit codes: 0 ok, 1 a check failed, 2 bad input or usage, 130 interrupted.\n`,
  );

program
  .command('validate')
  .description('check models, questionnaires and answers files against their schemas and rules')
  .argument('<files...>', 'YAML files of any kind; each is recognised by its "kind"')
  .option('-q, --questionnaire <id|file>', 'questionnaire to check answers files against (default: the one they name)')
  .option('--json', 'print one JSON document with every problem on stdout')
  .addHelpText('after', examples('itaas validate models/itaas.yaml questionnaires/itaas-core.yaml', 'itaas validate answers/*.yaml --json'))
  .action(async (files: string[], opts) => (await import('./commands/validate.js')).validateCommand(files, opts));

program
  .command('report')
  .description('score answers files and write their reports')
  .argument('<answers...>', 'answers files (YAML)')
  .option('-o, --out <dir>', 'folder to write reports into', 'reports')
  .option('-f, --format <list>', 'formats, comma-separated: md, json', list)
  .option('-q, --questionnaire <id|file>', 'questionnaire the answers belong to (default: the one they name)')
  .option('--lang <code>', 'report language (default: the answers file\'s, else the questionnaire\'s)')
  .addOption(new Option('--aggregate <how>', 'how answers of several respondents combine per question').choices(['median', 'mean', 'min']).default('median'))
  .addHelpText('after', examples('itaas report examples/northwind-logistics.yaml', 'itaas report answers/*.yaml --out reports --format md,json'))
  .action(async (files: string[], opts) => (await import('./commands/report.js')).reportCommand(files, opts));

program
  .command('schema')
  .description('print the JSON Schema of a file kind (model, questionnaire, answers, report)')
  .argument('<kind>', 'model, questionnaire, answers or report', (v: string) => {
    if (!['model', 'questionnaire', 'answers', 'report'].includes(v)) throw new InvalidArgumentError('expected model, questionnaire, answers or report');
    return v;
  })
  .addHelpText('after', examples('itaas schema answers > answers.schema.json'))
  .action(async (kind: string) => (await import('./commands/schema.js')).schemaCommand(kind));

try {
  await program.parseAsync(process.argv);
} catch (e) {
  await report(e);
}
