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

function describeCondition(c: Condition, w: Words): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, w)).join(` ${w.and} `);
  if ('any' in c) return `(${c.any.map((x) => describeCondition(x, w)).join(` ${w.or} `)})`;
  if ('not' in c) return `${w.not} (${describeCondition(c.not, w)})`;
  if ('in' in c) return w.answered(c.question, c.in.join(` ${w.or} `));
  return w.notAnswered(c.question, c.notIn.join(` ${w.or} `));
}

/** A questionnaire (built-in id or file; `extends` resolved) as lines to read: sections, questions, options and levels, and a note on any text that fell back to another language. */
export function questionnaireText(id: string, opts: { lang?: string }): { lines: string[]; notice: string } {
  const { questionnaire } = loadQuestionnaire(resolveRef(id, 'questionnaires', process.cwd()));
  const q = questionnaire.data;
  const lang = opts.lang ?? q.language;
  const w = messages(lang).show;
  const fellBack = new Map<string, number>();
  const t = (text: Text | undefined) =>
    resolveText(text, lang, q.language, (used) => fellBack.set(used, (fellBack.get(used) ?? 0) + 1))
      .replace(/\s+/g, ' ')
      .trim();
  const out: string[] = [];
  out.push(t(q.title), `${q.id} ${q.version} · ${w.model} ${q.model} · ${w.questions(count(q))} · ${w.sections(q.sections.length)} · ${w.writtenIn(languageIn(q.language, lang))}`);
  if (q.description) out.push('', t(q.description));
  q.sections.forEach((s, si) => {
    out.push('', `${si + 1}. ${t(s.title)}  [${s.id}]`);
    if (s.description) out.push(`   ${t(s.description)}`);
    if (s.when) out.push(`   ${w.shownWhen}: ${describeCondition(s.when, w)}`);
    s.questions.forEach((qu, qi) => {
      out.push('', `   ${si + 1}.${qi + 1} ${t(qu.text)}  [${qu.id}]`);
      out.push(`       ${w.dimension}: ${qu.dimension}${qu.weight !== 1 ? `, ${w.weight} ${qu.weight}` : ''}`);
      if (qu.when) out.push(`       ${w.shownWhen}: ${describeCondition(qu.when, w)}`);
      if (qu.help) out.push(`       ${w.help}: ${t(qu.help)}`);
      for (const o of qu.options) out.push(`       ${o.level}  ${t(o.label)}${o.description ? ` (${t(o.description)})` : ''}  [${o.id}]`);
      const extra = [qu.allowNa ? `${w.na} [na]` : '', qu.allowDontKnow ? `${w.dontKnow} [dontKnow]` : ''].filter(Boolean);
      if (extra.length) out.push(`       ${w.alsoOffered}: ${extra.join(', ')}`);
    });
  });
  return { lines: out, notice: fallbackNotice(lang, fellBack) };
}
