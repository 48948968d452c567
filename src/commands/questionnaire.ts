import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveText } from '../core/text.js';
import { visible } from '../io/terminal-text.js';
import { builtinDir, loadQuestionnaire, resolveRef } from '../load/index.js';
import type { Text } from '../schema/common.js';
import type { Condition, Questionnaire } from '../schema/questionnaire.js';
import { fallbackNotice } from './lang.js';

/** Wording of `questionnaire show` itself. */
const WORDS = {
  en: {
    questions: (n: number) => `${n} question${n === 1 ? '' : 's'}`,
    sections: (n: number) => `${n} section${n === 1 ? '' : 's'}`,
    model: 'model',
    writtenIn: (language: string) => `written in ${language}`,
    dimension: 'dimension',
    weight: 'weight',
    shownWhen: 'shown when',
    help: 'help',
    alsoOffered: 'also offered',
    na: 'Not applicable',
    dontKnow: "Don't know",
    answered: (q: string, ids: string) => `${q} is answered ${ids}`,
    notAnswered: (q: string, ids: string) => `${q} is answered, but not ${ids}`,
    or: 'or',
    and: 'and',
    not: 'not',
  },
  de: {
    questions: (n: number) => `${n} ${n === 1 ? 'Frage' : 'Fragen'}`,
    sections: (n: number) => `${n} ${n === 1 ? 'Abschnitt' : 'Abschnitte'}`,
    model: 'Modell',
    writtenIn: (language: string) => `verfasst auf ${language}`,
    dimension: 'Dimension',
    weight: 'Gewicht',
    shownWhen: 'gezeigt, wenn',
    help: 'Hilfe',
    alsoOffered: 'außerdem',
    na: 'Nicht zutreffend',
    dontKnow: 'Weiß nicht',
    answered: (q: string, ids: string) => `${q} mit ${ids} beantwortet ist`,
    notAnswered: (q: string, ids: string) => `${q} beantwortet ist, aber nicht mit ${ids}`,
    or: 'oder',
    and: 'und',
    not: 'nicht',
  },
};
type Words = (typeof WORDS)['en'];
/** A language's name in another language ("en" in German: "Englisch"), or its code. */
function languageIn(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
const wordsFor = (lang: string): Words => (WORDS as Record<string, Words>)[lang.split('-')[0]!] ?? WORDS.en;

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

export function listCommand(): void {
  const rows = builtinIds().map((id) => {
    const { questionnaire } = loadQuestionnaire(join(builtinDir('questionnaires'), `${id}.yaml`));
    const q = questionnaire.data;
    return [q.id, q.version, resolveText(q.title, q.language, q.language), `${count(q)} questions`];
  });
  const head = ['ID', 'VERSION', 'TITLE', 'QUESTIONS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) process.stdout.write(`${visible(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))}\n`);
}

function describeCondition(c: Condition, w: Words): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, w)).join(` ${w.and} `);
  if ('any' in c) return `(${c.any.map((x) => describeCondition(x, w)).join(` ${w.or} `)})`;
  if ('not' in c) return `${w.not} (${describeCondition(c.not, w)})`;
  if ('in' in c) return w.answered(c.question, c.in.join(` ${w.or} `));
  return w.notAnswered(c.question, c.notIn.join(` ${w.or} `));
}

/** Prints a questionnaire (built-in id or file; `extends` resolved) for reading: sections, questions, options and levels. */
export function showCommand(id: string, opts: { lang?: string }): void {
  const { questionnaire } = loadQuestionnaire(resolveRef(id, 'questionnaires', process.cwd()));
  const q = questionnaire.data;
  const lang = opts.lang ?? q.language;
  const w = wordsFor(lang);
  const fellBack = new Map<string, number>();
  const t = (text: Text | undefined) => resolveText(text, lang, q.language, (used) => fellBack.set(used, (fellBack.get(used) ?? 0) + 1)).replace(/\s+/g, ' ').trim();
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
  process.stdout.write(`${visible(out.join('\n'))}\n`);
  const notice = fallbackNotice(lang, fellBack);
  if (notice) process.stderr.write(`${notice}\n`);
}
