import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveText } from '../core/text.js';
import { languageIn, messages } from '../i18n/index.js';
import type { ShowWords as Words } from '../i18n/index.js';
import { builtinDir, loadQuestionnaire, resolveRef } from '../load/index.js';
import type { Text } from '../schema/common.js';
import type { Condition, Questionnaire } from '../schema/questionnaire.js';
import { fallbackNotice } from './lang.js';

function builtinIds(): string[] {
  const dir = builtinDir('questionnaires');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => f.replace(/\.ya?ml$/, ''))
        .sort()
    : [];
}

const count = (q: Questionnaire) => q.sections.reduce((n, s) => n + s.questions.length, 0);

/** The built-in questionnaires as table rows: id, version, title, number of questions; the header first. */
export function questionnaireTable(): string[][] {
  const rows = builtinIds().map((id) => {
    const { questionnaire } = loadQuestionnaire(join(builtinDir('questionnaires'), `${id}.yaml`));
    const questionnaireData = questionnaire.data;
    return [questionnaireData.id, questionnaireData.version, resolveText(questionnaireData.title, questionnaireData.language, questionnaireData.language), `${count(questionnaireData)} questions`];
  });
  return [['ID', 'VERSION', 'TITLE', 'QUESTIONS'], ...rows];
}

function describeCondition(condition: Condition, words: Words): string {
  if ('all' in condition) return condition.all.map((x) => describeCondition(x, words)).join(` ${words.and} `);
  if ('any' in condition) return `(${condition.any.map((x) => describeCondition(x, words)).join(` ${words.or} `)})`;
  if ('not' in condition) return `${words.not} (${describeCondition(condition.not, words)})`;
  if ('in' in condition) return words.answered(condition.question, condition.in.join(` ${words.or} `));
  return words.notAnswered(condition.question, condition.notIn.join(` ${words.or} `));
}

/** A questionnaire (built-in id or file; `extends` resolved) as lines to read: sections, questions, options and levels, and a note on any text that fell back to another language. */
export function questionnaireText(id: string, opts: { lang?: string }): { lines: string[]; notice: string } {
  const { questionnaire } = loadQuestionnaire(resolveRef(id, 'questionnaires', process.cwd()));
  const data = questionnaire.data;
  const lang = opts.lang ?? data.language;
  const words = messages(lang).show;
  const fellBack = new Map<string, number>();
  const localText = (text: Text | undefined) =>
    resolveText(text, lang, data.language, (used) => fellBack.set(used, (fellBack.get(used) ?? 0) + 1))
      .replace(/\s+/g, ' ')
      .trim();
  const out: string[] = [];
  out.push(
    localText(data.title),
    `${data.id} ${data.version} · ${words.model} ${data.model} · ${words.questions(count(data))} · ${words.sections(data.sections.length)} · ${words.writtenIn(languageIn(data.language, lang))}`,
  );
  if (data.description) out.push('', localText(data.description));
  data.sections.forEach((section, si) => {
    out.push('', `${si + 1}. ${localText(section.title)}  [${section.id}]`);
    if (section.description) out.push(`   ${localText(section.description)}`);
    if (section.when) out.push(`   ${words.shownWhen}: ${describeCondition(section.when, words)}`);
    section.questions.forEach((qu, qi) => {
      out.push('', `   ${si + 1}.${qi + 1} ${localText(qu.text)}  [${qu.id}]`);
      out.push(`       ${words.dimension}: ${qu.dimension}${qu.weight !== 1 ? `, ${words.weight} ${qu.weight}` : ''}`);
      if (qu.when) out.push(`       ${words.shownWhen}: ${describeCondition(qu.when, words)}`);
      if (qu.help) out.push(`       ${words.help}: ${localText(qu.help)}`);
      for (const option of qu.options) out.push(`       ${option.level}  ${localText(option.label)}${option.description ? ` (${localText(option.description)})` : ''}  [${option.id}]`);
      const extra = [qu.allowNa ? `${words.na} [na]` : '', qu.allowDontKnow ? `${words.dontKnow} [dontKnow]` : ''].filter(Boolean);
      if (extra.length) out.push(`       ${words.alsoOffered}: ${extra.join(', ')}`);
    });
  });
  return { lines: out, notice: fallbackNotice(lang, fellBack) };
}
