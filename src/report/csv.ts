import { stringify } from 'csv-stringify/sync';
import { answerParts } from '../schema/answer-parts.js';
import type { ReportContext } from './context.js';

export type Cell = string | number | null;

/**
 * Cells a spreadsheet would read as a formula (or that can smuggle one in) start with one of these,
 * possibly after spaces, line breaks or NULs, which some spreadsheets skip before parsing.
 */
const FORMULA_START = /^[\s\0]*[=+\-@]|^[\t\r]/;

/**
 * Makes a text cell safe to open in a spreadsheet: a leading `'` keeps `=`, `+`, `-`, `@`, tab and
 * carriage return from starting a formula, also behind leading spaces, line feeds or NULs. Only text is touched: numeric columns hold JavaScript
 * numbers, which cannot carry a formula, so a negative score stays a number a spreadsheet can sum.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * RFC 4180 text: CRLF line ends, fields quoted when they hold a comma, quote or line break, and a
 * UTF-8 byte-order mark so that spreadsheet programs read accents correctly.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify(
    rows.map((r) => r.map(neutralise)),
    // With CRLF as the record delimiter, csv-stringify quotes only fields holding a CRLF; a lone LF or
    // CR in a note must be quoted too, or a reader would split the record there.
    { header: true, columns: header, record_delimiter: 'windows', bom: true, quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } },
  );
}

export function renderDimensionsCsv(ctx: ReportContext): string {
  const assessment = ctx.answers.assessment;
  const rows = ctx.result.dimensions.map((d): Cell[] => [
    assessment.organisation,
    assessment.date,
    d.id,
    ctx.dimTitle(d.id),
    d.axis,
    d.weight,
    d.score,
    d.level,
    d.target,
    d.gap,
    d.coverage.ratio,
    d.spread,
    d.coverage.answerRatio,
    ctx.result.overall,
  ]);
  // The overall score is a property of the assessment, so it repeats on every row (as organisation and date do).
  return toCsv(['organisation', 'date', 'dimension', 'title', 'axis', 'weight', 'score', 'level', 'target', 'gap', 'coverage', 'spread', 'answers', 'overall'], rows);
}

export function renderAnswersCsv(ctx: ReportContext): string {
  const assessment = ctx.answers.assessment;
  const questions = ctx.questionnaire.sections.flatMap((s) => s.questions);
  const rows: Cell[][] = [];
  for (const respondent of ctx.answers.respondents) {
    for (const question of questions) {
      const raw = respondent.answers[question.id];
      if (raw === undefined) continue;
      const { option, note } = answerParts(raw);
      const level = question.options.find((o) => o.id === option)?.level ?? null;
      rows.push([
        assessment.organisation,
        assessment.date,
        respondent.name,
        respondent.role ?? null,
        question.id,
        question.dimension,
        ctx.questionText(question.id),
        option,
        ctx.optionLabel(question.id, option),
        level,
        note ?? null,
      ]);
    }
  }
  return toCsv(['organisation', 'date', 'respondent', 'role', 'question', 'dimension', 'text', 'option', 'answer', 'level', 'note'], rows);
}
