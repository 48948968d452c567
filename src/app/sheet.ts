import { existsSync, statSync } from 'node:fs';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { resolveText } from '../core/text.js';
import { formMessages } from '../i18n/form.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { messages } from '../i18n/index.js';
import { questionnaireHash } from '../load/hash.js';
import { loadQuestionnaire, resolveRef } from '../load/index.js';
import { UserError } from '../errors.js';
import { answerParts } from '../schema/answer-parts.js';
import type { Answers, Respondent } from '../schema/answers.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';
import { assessmentSource } from './assessment-source.js';
import type { SourceOptions } from './assessment-source.js';
import { runMerge } from './merge.js';
import type { MergeOptions, MergeSummary } from './merge.js';

/**
 * The answers as a workbook (exceljs): one row per question, a pair of columns (answer, note) per
 * respondent, on one sheet or one sheet per respondent. Answer cells offer a drop-down of the
 * question's options; the sheets are protected so that only names, roles, answers and notes can be
 * typed. Import reads every cell back as plain text, checks it, and merges through `runMerge`.
 */

const ABOUT = 'About';
const LISTS = 'Lists';
const FIRST_ROW = 4;
const FIRST_COL = 5;
const MAX_BYTES = 20 * 1024 * 1024;
const ABOUT_KEYS = ['questionnaire', 'version', 'hash', 'organisation', 'scope', 'date', 'assessor'] as const;

export interface SheetExportOptions extends SourceOptions {
  out: string;
  layout?: 'columns' | 'sheets';
  lang?: string;
  respondent?: string[];
  force?: boolean;
}

async function excel(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') };
  return mod.default ?? (mod as unknown as typeof import('exceljs'));
}

const yes = (lang: string) => (lang.startsWith('de') ? 'ja' : 'yes');
const no = (lang: string) => (lang.startsWith('de') ? 'nein' : 'no');

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Respondent';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()) || [ABOUT, LISTS].some((s) => s.toLowerCase() === candidate.toLowerCase()); i++) candidate = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const colName = (n: number): string => (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

export async function exportSheet(opts: SheetExportOptions): Promise<{ out: string; respondents: number; questions: number; sheets: string[] }> {
  if (existsSync(opts.out) && !opts.force) throw new UserError(`${opts.out} exists; name another file, or replace it with --force`);
  const src = assessmentSource(opts);
  const source = src.questionnaire;
  const lang = opts.lang ?? src.assessment.language ?? source.language;
  const questionnaireText = (x: Parameters<typeof resolveText>[0]) => resolveText(x, lang, source.language);
  const words = { ...formMessages(lang), ...messages(lang).interview };
  const respondents: Array<Pick<Respondent, 'name' | 'role' | 'completed' | 'answers'>> = [
    ...src.respondents,
    ...(opts.respondent ?? []).filter((n) => !src.respondents.some((r) => r.name === n)).map((name) => ({ name, answers: {} })),
  ];
  if (!respondents.length) respondents.push({ name: '', answers: {} });

  const ExcelJS = await excel();
  const wb: Workbook = new ExcelJS.Workbook();
  wb.creator = 'itaas';
  // A fixed date keeps the file the same for the same answers.
  wb.created = wb.modified = new Date(`${src.assessment.date}T00:00:00Z`);

  const about = wb.addWorksheet(ABOUT);
  about.columns = [{ width: 16 }, { width: 60 }];
  const info: Record<(typeof ABOUT_KEYS)[number], string> = {
    questionnaire: source.id,
    version: source.version,
    hash: src.hash,
    organisation: src.assessment.organisation,
    scope: src.assessment.scope ?? '',
    date: src.assessment.date,
    assessor: src.assessment.assessor ?? '',
  };
  about.addRow([questionnaireText(source.title)]).font = { bold: true, size: 14 };
  for (const k of ABOUT_KEYS) about.addRow([k, info[k]]);
  about.addRow([]);
  about.addRow(['', `${words.yourName} / ${words.yourRole}: rows 1-3 of each answers sheet. ${words.notApplicable} / ${words.dontKnow} count as answers.`]);
  await about.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  const lists = wb.addWorksheet(LISTS, { state: 'veryHidden' });
  const questions = source.sections.flatMap((s) => s.questions.map((x) => ({ section: s, question: x })));
  const choiceLabels = (x: Question) => [...x.options.map((o) => questionnaireText(o.label)), ...(x.allowNa ? [words.notApplicable] : []), ...(x.allowDontKnow ? [words.dontKnow] : [])];
  questions.forEach(({ question }, i) => (lists.getRow(i + 1).values = [question.id, ...choiceLabels(question)]));
  const yesNoRow = questions.length + 1;
  lists.getRow(yesNoRow).values = ['completed', yes(lang), no(lang)];

  const addAnswersSheet = (name: string, people: typeof respondents): Worksheet => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }] });
    ws.columns = [{ width: 14, hidden: false }, { width: 22 }, { width: 60 }, { width: 40 }, ...people.flatMap(() => [{ width: 30 }, { width: 40 }])];
    ws.getRow(1).values = ['question', 'section', 'question text', 'help', ...people.flatMap((p) => [p.name, `${words.note}`])];
    ws.getRow(2).values = ['role', '', words.yourRole, '', ...people.flatMap((p) => [p.role ?? '', ''])];
    ws.getRow(3).values = ['completed', '', words.finish, '', ...people.flatMap((p) => [p.completed ? yes(lang) : no(lang), ''])];
    questions.forEach(({ section, question }, i) => {
      const row = ws.getRow(FIRST_ROW + i);
      row.values = [
        question.id,
        questionnaireText(section.title),
        questionnaireText(question.text),
        question.help ? questionnaireText(question.help) : '',
        ...people.flatMap((person) => {
          const answer = person.answers[question.id];
          if (answer === undefined) return ['', ''];
          const { option, note } = answerParts(answer);
          const label = option === 'na' ? words.notApplicable : option === 'dontKnow' ? words.dontKnow : questionnaireText(question.options.find((o) => o.id === option)?.label ?? option);
          return [label, note ?? ''];
        }),
      ];
      const last = colName(1 + choiceLabels(question).length);
      people.forEach((_, pi) => {
        const column = FIRST_COL + pi * 2;
        const answer = row.getCell(column);
        answer.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`${LISTS}!$B$${i + 1}:$${last}$${i + 1}`],
          showErrorMessage: true,
          errorTitle: questionnaireText(question.text).slice(0, 32),
          error: `${words.chooseHint}`,
        };
        answer.protection = { locked: false };
        row.getCell(column + 1).protection = { locked: false };
      });
      row.alignment = { vertical: 'top', wrapText: true };
    });
    people.forEach((_, pi) => {
      const column = FIRST_COL + pi * 2;
      for (const row of [1, 2, 3]) ws.getCell(row, column).protection = { locked: false };
      ws.getCell(3, column).dataValidation = { type: 'list', allowBlank: true, formulae: [`${LISTS}!$B$${yesNoRow}:$C$${yesNoRow}`] };
    });
    for (const headerRow of [1, 2, 3]) {
      ws.getRow(headerRow).font = { bold: headerRow === 1 };
      ws.getRow(headerRow).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    }
    return ws;
  };

  const sheets: string[] = [];
  if ((opts.layout ?? 'columns') === 'columns') sheets.push(addAnswersSheet('Answers', respondents).name);
  else {
    const taken = new Set<string>();
    respondents.forEach((r, i) => sheets.push(addAnswersSheet(sheetName(r.name || `Respondent ${i + 1}`, taken), [r]).name));
  }
  for (const name of sheets) {
    // The structure stays as exported (no rows or columns added, removed or sorted); only unlocked
    // cells can be typed into.
    await wb.getWorksheet(name)!.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await writeFileAtomic(opts.out, buffer);
  return { out: opts.out, respondents: respondents.filter((r) => r.name).length, questions: questions.length, sheets };
}

/** A cell as plain text: a formula is its text, never its result; control characters are dropped. */
export function cellText(cell: Cell): string {
  const value = cell.value as unknown;
  let shown: string;
  if (value === null || value === undefined) shown = '';
  else if (typeof value === 'string') shown = value;
  else if (typeof value === 'number' || typeof value === 'boolean') shown = String(value);
  else if (value instanceof Date) shown = value.toISOString().slice(0, 10);
  else if (typeof value === 'object' && 'formula' in value) shown = `=${String((value as { formula: unknown }).formula)}`;
  else if (typeof value === 'object' && 'sharedFormula' in value) shown = `=${String((value as { sharedFormula: unknown }).sharedFormula)}`;
  else if (typeof value === 'object' && 'richText' in value) shown = ((value as { richText: Array<{ text?: string }> }).richText ?? []).map((r) => r.text ?? '').join('');
  else if (typeof value === 'object' && 'text' in value) shown = String((value as { text: unknown }).text);
  else if (typeof value === 'object' && 'error' in value) shown = String((value as { error: unknown }).error);
  else shown = '';
  return shown
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .trim();
}

const where = (ws: Worksheet, cell: Cell) => `${/^[A-Za-z0-9_]+$/.test(ws.name) ? ws.name : `'${ws.name.replace(/'/g, "''")}'`}!${cell.address}`;

/** Every word a cell may hold for each answer of a question: option ids, labels in every language, the built-in answers. */
function answerWords(question: Question, questionnaire: Questionnaire): Map<string, string> {
  const byLabel = new Map<string, string>();
  const put = (word: string, id: string) => byLabel.set(word.trim().toLowerCase(), id);
  for (const option of question.options) {
    put(option.id, option.id);
    const labels = typeof option.label === 'string' ? [option.label] : Object.values(option.label);
    for (const label of labels) put(label, option.id);
    put(resolveText(option.label, questionnaire.language, questionnaire.language), option.id);
  }
  const langs = ['en', 'de'];
  if (question.allowNa) for (const spelling of ['na', 'n/a', ...langs.flatMap((l) => [formMessages(l).notApplicable, messages(l).interview.notApplicable])]) put(spelling, 'na');
  if (question.allowDontKnow) for (const spelling of ['dontKnow', ...langs.flatMap((l) => [formMessages(l).dontKnow, messages(l).interview.dontKnow])]) put(spelling, 'dontKnow');
  return byLabel;
}

export interface SheetImportOptions extends MergeOptions {
  answers: string;
}

/** Reads a workbook into answers, checking every cell; every problem is named by sheet and cell. */
export async function readSheet(path: string, questionnaire?: string): Promise<{ answers: Answers; questionnairePath: string }> {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UserError(`${path} is not a file; name an .xlsx workbook`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${path}: no such file; check the path`);
  }
  if (size > MAX_BYTES) throw new UserError(`${path} is ${size} bytes; workbooks over ${MAX_BYTES} bytes are refused`);
  const ExcelJS = await excel();
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new UserError(`${path} is not an .xlsx workbook that can be read (${(e as Error).message.split('\n')[0]}); save it as an Excel workbook (.xlsx)`);
  }
  const about = wb.getWorksheet(ABOUT);
  if (!about) throw new UserError(`${path} has no "${ABOUT}" sheet; import workbooks written by \`itaas sheet export\``);
  const info: Record<string, string> = {};
  about.eachRow((row) => {
    const key = cellText(row.getCell(1));
    if ((ABOUT_KEYS as readonly string[]).includes(key)) info[key] = cellText(row.getCell(2));
  });
  for (const k of ['questionnaire', 'version', 'organisation', 'date'] as const) {
    if (!info[k]) throw new UserError(`${path}: the "${ABOUT}" sheet has no ${k}; it is needed to know what the answers belong to`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info.date!)) throw new UserError(`${path}: the date on the "${ABOUT}" sheet is ${JSON.stringify(info.date)}; write it as YYYY-MM-DD`);
  const qPath = resolveRef(questionnaire ?? info.questionnaire!, 'questionnaires', process.cwd());
  const questionnaireData = loadQuestionnaire(qPath).questionnaire.data;
  const byId = new Map(questionnaireData.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const problems: string[] = [];
  const respondents: Respondent[] = [];
  const seen = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (ws.name === ABOUT || ws.name === LISTS) continue;
    if (cellText(ws.getCell(1, 1)) !== 'question') {
      problems.push(`${where(ws, ws.getCell(1, 1))}: not an answers sheet (A1 should read "question"); remove the sheet or restore its header`);
      continue;
    }
    const rows: Array<{ row: number; question: Question }> = [];
    for (let rowNumber = FIRST_ROW; rowNumber <= ws.rowCount; rowNumber++) {
      const cell = ws.getCell(rowNumber, 1);
      const id = cellText(cell);
      if (!id) continue;
      const question = byId.get(id);
      if (!question) problems.push(`${where(ws, cell)}: no question "${id}" in ${questionnaireData.id} ${questionnaireData.version}`);
      else rows.push({ row: rowNumber, question });
    }
    for (let column = FIRST_COL; column <= ws.columnCount; column += 2) {
      const nameCell = ws.getCell(1, column);
      const name = cellText(nameCell);
      const answers: Record<string, Respondent['answers'][string]> = {};
      for (const { row, question } of rows) {
        const cell = ws.getCell(row, column);
        const text = cellText(cell);
        const note = cellText(ws.getCell(row, column + 1));
        if (!text) {
          if (note)
            problems.push(`${where(ws, ws.getCell(row, column + 1))}: a note without an answer to "${question.id}"; choose an answer in ${where(ws, cell)}, or "${formMessages('en').dontKnow}"`);
          continue;
        }
        const id = answerWords(question, questionnaireData).get(text.toLowerCase());
        if (!id) {
          const choices = [
            ...question.options.map((o) => resolveText(o.label, questionnaireData.language, questionnaireData.language)),
            ...(question.allowNa ? [formMessages('en').notApplicable] : []),
            ...(question.allowDontKnow ? [formMessages('en').dontKnow] : []),
          ];
          problems.push(`${where(ws, cell)}: ${JSON.stringify(text.slice(0, 80))} is not an answer to "${question.id}"; choose one of: ${choices.join(' | ')}`);
          continue;
        }
        answers[question.id] = note ? { option: id, note } : id;
      }
      if (!name) {
        if (Object.keys(answers).length) problems.push(`${where(ws, nameCell)}: answers without a respondent's name; type the name in this cell`);
        continue;
      }
      if (name.length > 200) problems.push(`${where(ws, nameCell)}: a name of at most 200 characters, please`);
      if (seen.has(name)) {
        problems.push(`${where(ws, nameCell)}: "${name}" is also in ${seen.get(name)}; each respondent once`);
        continue;
      }
      seen.set(name, where(ws, nameCell));
      const role = cellText(ws.getCell(2, column));
      const done = cellText(ws.getCell(3, column)).toLowerCase();
      if (done && !['yes', 'no', 'ja', 'nein', 'true', 'false'].includes(done)) problems.push(`${where(ws, ws.getCell(3, column))}: "completed" is yes or no`);
      respondents.push({ name, ...(role ? { role: role.slice(0, 200) } : {}), completed: ['yes', 'ja', 'true'].includes(done), answers });
    }
  }
  if (problems.length) throw new UserError(`${path} has ${problems.length} problem${problems.length > 1 ? 's' : ''}; nothing was imported:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const answers: Answers = {
    kind: 'answers',
    questionnaire: { id: info.questionnaire!, version: info.version!, ...(info.hash ? { hash: info.hash } : { hash: questionnaireHash(questionnaireData) }) },
    assessment: { organisation: info.organisation!, date: info.date!, ...(info.scope ? { scope: info.scope } : {}), ...(info.assessor ? { assessor: info.assessor } : {}) },
    respondents,
  };
  return { answers, questionnairePath: qPath };
}

/** Imports a workbook into an answers file (created when missing) by the merge rules. */
export async function importSheet(path: string, opts: SheetImportOptions): Promise<MergeSummary> {
  const { answers, questionnairePath } = await readSheet(path, opts.questionnaire);
  return runMerge(opts.answers, [{ source: path, answers, questionnairePath, modified: statSync(path).mtimeMs }], {
    ...opts,
    header: ' Answers of an IT-as-a-Service maturity assessment, imported from a workbook by `itaas sheet import`.',
  });
}
