/*
 * The options of `itaas report` and `itaas validate`, declared once. program.ts gives them to commander; quick-args.ts
 * reads the command lines run most without loading commander. Nothing here imports commander.
 */
import { REPORT_FORMATS } from './report/formats.js';

export interface OptionSpec {
  /** As commander takes them: `-o, --out <dir>`; an option with `<value>` takes one. */
  flags: string;
  description: string;
  default?: string;
  choices?: readonly string[];
  /** How a value adds to those before it: `list` splits it at commas, `repeat` keeps it whole. */
  collect?: 'list' | 'repeat';
}

/** A comma-separated value added to the ones before it: `--format md,json -f pdf`. */
export const list = (value: string, before: string[] = []): string[] => [
  ...before,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** A value added whole to the ones before it: `--fail-under 2.5 --fail-under automation=3`. */
export const repeat = (value: string, before: string[] = []): string[] => [...before, value];

export const VALIDATE_OPTIONS: readonly OptionSpec[] = [
  { flags: '-q, --questionnaire <id|file>', description: 'questionnaire to check answers files against (default: the one they name)' },
  { flags: '--json', description: 'print one JSON document with every problem on stdout' },
  { flags: '--strict', description: 'also warn about authoring smells (thin dimensions, dead conditions, unreachable initiatives)' },
];

export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { flags: '-o, --out <dir>', description: 'folder to write reports into', default: 'reports' },
  { flags: '-f, --format <list>', description: `formats, comma-separated: ${REPORT_FORMATS.join(', ')}`, collect: 'list' },
  { flags: '-q, --questionnaire <id|file>', description: 'questionnaire the answers belong to (default: the one they name)' },
  { flags: '--lang <code>', description: "report language (default: the answers file's, else the questionnaire's)" },
  { flags: '--aggregate <how>', description: 'how answers of several respondents combine per question', choices: ['median', 'mean', 'min'], default: 'median' },
  { flags: '--paper <size>', description: 'paper size of the PDF report', choices: ['a4', 'letter'], default: 'a4' },
  { flags: '--templates <dir>', description: 'folder with report templates that replace the built-in ones' },
  { flags: '--capacity <n>', description: "initiatives the roadmap runs at once (default: the answers file's roadmap.capacity, else the model's)" },
  { flags: '--start <YYYY-MM>', description: "month the roadmap starts (default: the answers file's roadmap.start, else the month of the assessment)" },
  { flags: '--check', description: 'compare with the reports already in --out and exit 1 if any is stale or missing; write nothing' },
  { flags: '--fail-below-target', description: 'exit 1 if any dimension is below its target' },
  {
    flags: '--fail-under <level|dimension=level>',
    description: 'exit 1 if the overall score, or a dimension, is below the level (repeatable)',
    collect: 'repeat',
  },
  { flags: '--fail-on-regression <baseline>', description: 'exit 1 if any dimension is lower than in this baseline (answers file or JSON report)' },
  { flags: '--portfolio', description: 'also write one roll-up report across all the answers files' },
  { flags: '--json', description: 'print one JSON document summarising the run (and any gate failures) on stdout' },
];
