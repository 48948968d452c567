import { Command, InvalidArgumentError, Option } from 'commander';
import { list, REPORT_OPTIONS, repeat, VALIDATE_OPTIONS } from './command-options.js';
import type { OptionSpec } from './command-options.js';
import { COMPARE_FORMATS } from './report/formats.js';

/** A commander option from its one declaration in command-options.ts. */
function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.collect) option.argParser(spec.collect === 'list' ? list : repeat);
  if (spec.default !== undefined) option.default(spec.default);
  return option;
}

/** Adds the options declared in command-options.ts to a command. */
function withOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) command.addOption(toOption(spec));
  return command;
}

/** Every command and option of itaas; each command's handler is imported only when it runs. */
export function buildProgram(version: string): Command {
  function examples(...lines: string[]): string {
    return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
  }

  const program = new Command()
    .name('itaas')
    .description('Maturity assessments from YAML models, IT-as-a-Service built in: interview, score, and write a report.')
    .version(version, '-V, --version', 'print the version')
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

  withOptions(
    program
      .command('validate')
      .description('check models, questionnaires and answers files against their schemas and rules')
      .argument('<files...>', 'YAML files of any kind; each is recognised by its "kind"'),
    VALIDATE_OPTIONS,
  )
    .addHelpText('after', examples('itaas validate models/itaas.yaml questionnaires/itaas-core.yaml', 'itaas validate answers/*.yaml --json'))
    .action(async (files: string[], opts) => (await import('./commands/validate.js')).validateCommand(files, opts));

  withOptions(program.command('report').description('score answers files and write their reports').argument('<answers...>', 'answers files (YAML)'), REPORT_OPTIONS)
    .addHelpText(
      'after',
      examples(
        'itaas report examples/northwind-logistics.yaml',
        'itaas report answers/*.yaml --out reports --format md,json',
        'itaas report examples/northwind-logistics.yaml --capacity 5 --start 2025-06',
        'itaas report answers/*.yaml --check --fail-below-target',
        'itaas report answers/*.yaml --fail-under 2.5 --fail-under automation=3 --json',
      ) +
        '\nExit codes: 0 ok; 1 a report is stale or missing (--check) or a gate failed; 2 an answers file or option is bad.\n' +
        'Every file is processed first; if there is bad input and a failed check, exit 2 wins.\n',
    )
    .action(async (files: string[], opts) => (await import('./commands/report.js')).reportCommand(files, opts));

  program
    .command('assess')
    .description('interview respondents in the terminal and save their answers as they go')
    .option('-a, --answers <file>', 'answers file to create or resume', 'answers.yaml')
    .option('-q, --questionnaire <id|file>', 'questionnaire for a new answers file (default: itaas-core); for an existing one, the file to use instead of the one it names')
    .option('-r, --respondent <name>', 'name of the person being interviewed')
    .option('--role <role>', 'role of the person being interviewed')
    .option('--lang <code>', 'interview language')
    .addHelpText('after', examples('itaas assess --answers acme.yaml', 'itaas assess --answers acme.yaml --respondent "Dana Ortiz" --role CIO'))
    .action(async (opts) => (await import('./commands/assess.js')).assessCommand(opts));

  program
    .command('form')
    .description('write an offline survey form (one HTML file) that respondents fill in a browser')
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .option('-a, --answers <file>', 'take the questionnaire and the assessment (organisation, date) from this answers file')
    .option('-q, --questionnaire <id|file>', 'questionnaire to ask (default: itaas-core, or the one --answers names)')
    .option('--organisation <name>', 'organisation assessed (without --answers)')
    .option('--date <yyyy-mm-dd>', 'date of the assessment (without --answers; default today)')
    .option('--scope <text>', 'what is assessed (without --answers)')
    .option('--assessor <name>', 'who runs the assessment (without --answers)')
    .option('--lang <code>', "language the form opens in (default: the questionnaire's); respondents can switch")
    .option('-r, --respondent <name>', "fill in the respondent's name in advance")
    .option('--force', 'replace an existing file that is not a survey form')
    .addHelpText('after', examples('itaas form --answers acme.yaml --out survey.html', 'itaas form --organisation "Acme Ltd" --lang de --respondent "Dana Ortiz" --out dana.html'))
    .action(async (opts) => (await import('./commands/form.js')).formCommand(opts));

  program
    .command('merge')
    .description('bring the respondents of other answers files (other laptops, survey forms) into one assessment')
    .argument('<target>', 'the answers file to merge into (created if missing)')
    .argument('<inputs...>', 'answers files to bring in')
    .option('--prefer <side>', "where a respondent's answers differ: newer, target or input (default: refuse and list them)")
    .option('--dry-run', 'print what would be merged; write nothing')
    .option('-q, --questionnaire <id|file>', 'questionnaire the answers belong to (default: the one the target names)')
    .option('--json', 'print what was merged, and each conflict, as one JSON document on stdout')
    .addHelpText(
      'after',
      examples('itaas merge acme.yaml laptop-2/acme.yaml dana-ortiz.yaml', 'itaas merge acme.yaml ole.yaml --dry-run', 'itaas merge acme.yaml ole.yaml --prefer newer --json') +
        '\nExit codes: 0 merged (or nothing to do); 2 a conflict, another questionnaire, a locked or bad file.\n',
    )
    .action(async (target: string, inputs: string[], opts) => (await import('./commands/merge.js')).mergeCommand(target, inputs, opts));

  program
    .command('migrate')
    .description('carry answers files over to the current version of their built-in questionnaire')
    .argument('<answers...>', 'answers files to bring up to date (each rewritten in place)')
    .option('--dry-run', 'print what would carry over and what is to be asked again; write nothing')
    .addHelpText(
      'after',
      examples('itaas migrate acme.yaml', 'itaas migrate answers/*.yaml --dry-run') +
        '\nAnswers that still mean the same carry over; the others are taken out (kept as a comment in the file) and,\nwith the questions the new version adds, listed to ask again with itaas assess. Nothing is guessed.\n' +
        'Exit codes: 0 migrated (or already current); 2 a bad, locked or unknown file, or a version with no way forward.\n',
    )
    .action(async (files: string[], opts) => (await import('./commands/migrate.js')).migrateCommand(files, opts));

  const sheet = program
    .command('sheet')
    .description('answers as an Excel workbook: export for people who fill in spreadsheets, import what they send back')
    .addHelpText('after', examples('itaas sheet export --answers acme.yaml --out acme.xlsx', 'itaas sheet import acme-filled.xlsx --answers acme.yaml'));
  sheet
    .command('export')
    .description('write a workbook: a row per question, a drop-down of answers and a note per respondent')
    .requiredOption('-o, --out <file.xlsx>', 'the workbook to write')
    .option('-a, --answers <file>', 'fill in the respondents and answers of this answers file (and take its questionnaire and assessment)')
    .option('-q, --questionnaire <id|file>', 'questionnaire to ask (default: itaas-core, or the one --answers names)')
    .option('--organisation <name>', 'organisation assessed (without --answers)')
    .option('--date <yyyy-mm-dd>', 'date of the assessment (without --answers; default today)')
    .option('--scope <text>', 'what is assessed (without --answers)')
    .option('--assessor <name>', 'who runs the assessment (without --answers)')
    .option('-r, --respondent <name>', 'add an empty column for this respondent (repeatable)', repeat)
    .option('--layout <how>', 'columns (a column per respondent, default) or sheets (a sheet per respondent)')
    .option('--lang <code>', "language of the questions and answer lists (default: the questionnaire's)")
    .option('--force', 'replace an existing file')
    .addHelpText(
      'after',
      examples('itaas sheet export --answers acme.yaml --out acme.xlsx', 'itaas sheet export --organisation "Acme Ltd" -r "Dana Ortiz" -r "Ole Berg" --layout sheets --out acme.xlsx'),
    )
    .action(async (opts) => (await import('./commands/sheet.js')).sheetExportCommand(opts));
  sheet
    .command('import')
    .description('check every cell of a workbook and merge its respondents into an answers file (created if missing)')
    .argument('<file.xlsx>', 'a workbook written by itaas sheet export, filled in')
    .requiredOption('-a, --answers <file>', 'the answers file to merge into')
    .option('--prefer <side>', "where a respondent's answers differ: newer, target or input (default: refuse and list them)")
    .option('--dry-run', 'print what would be merged; write nothing')
    .option('-q, --questionnaire <id|file>', 'questionnaire the workbook was made for (default: the one it names)')
    .addHelpText('after', examples('itaas sheet import acme-filled.xlsx --answers acme.yaml', 'itaas sheet import acme-filled.xlsx --answers acme.yaml --dry-run'))
    .action(async (file: string, opts) => (await import('./commands/sheet.js')).sheetImportCommand(file, opts));

  program
    .command('compare')
    .description('show what moved between two assessments (answers files or JSON reports)')
    .argument('<baseline>', 'the earlier assessment')
    .argument('<current>', 'the later assessment')
    .option('-f, --format <list>', `formats, comma-separated: ${COMPARE_FORMATS.join(', ')}`, list)
    .option('-o, --out <dir>', 'write the comparison into this folder instead of stdout')
    .option('--json', 'print the comparison as one JSON document on stdout')
    .option('--lang <code>', "language of the comparison (default: the current assessment's)")
    .addHelpText('after', examples('itaas compare answers/2025.yaml answers/2026.yaml', 'itaas compare reports/2025.json reports/2026.json --json'))
    .action(async (baseline: string, current: string, opts) => (await import('./commands/compare.js')).compareCommand(baseline, current, opts));

  program
    .command('init')
    .description('write a commented, valid starting file for a questionnaire or a model')
    .argument('<kind>', 'questionnaire or model')
    .argument('<name>', 'id of the new file (a slug); written to <name>.yaml')
    .option('-o, --out <file>', 'where to write it (default: <name>.yaml)')
    .option('--force', 'overwrite an existing file')
    .option('--standalone', 'a complete questionnaire of its own, instead of one that extends the built-in itaas-core')
    .addHelpText('after', examples('itaas init questionnaire acme-itaas', 'itaas init questionnaire acme-own --standalone', 'itaas init model acme-maturity'))
    .action(async (kind: string, name: string, opts) => (await import('./commands/init.js')).initCommand(kind, name, opts));

  const questionnaire = program
    .command('questionnaire')
    .description('list the built-in questionnaires, and print one or your own')
    .addHelpText('after', examples('itaas questionnaire list', 'itaas questionnaire show itaas-core --lang de', 'itaas questionnaire show acme-itaas.yaml'));
  questionnaire
    .command('list')
    .description('list the built-in questionnaires')
    .addHelpText('after', examples('itaas questionnaire list'))
    .action(async () => (await import('./commands/questionnaire.js')).listCommand());
  questionnaire
    .command('show')
    .description('print a questionnaire readably: a built-in one by id, or a file (extends applied)')
    .argument('<id|file>', 'built-in questionnaire id, or a questionnaire file')
    .option('--lang <code>', 'language to show')
    .addHelpText('after', examples('itaas questionnaire show itaas-core', 'itaas questionnaire show itaas-core --lang de', 'itaas questionnaire show acme-itaas.yaml'))
    .action(async (id: string, opts) => (await import('./commands/questionnaire.js')).showCommand(id, opts));

  program
    .command('schema')
    .description('print the JSON Schema of a file kind (model, questionnaire, answers, report)')
    .argument('<kind>', 'model, questionnaire, answers or report', (value: string) => {
      if (!['model', 'questionnaire', 'answers', 'report'].includes(value)) throw new InvalidArgumentError('expected model, questionnaire, answers or report');
      return value;
    })
    .addHelpText('after', examples('itaas schema answers > answers.schema.json'))
    .action(async (kind: string) => (await import('./commands/schema.js')).schemaCommand(kind));

  return program;
}
