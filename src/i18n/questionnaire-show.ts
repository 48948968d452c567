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
export type Words = (typeof WORDS)['en'];
/** A language's name in another language ("en" in German: "Englisch"), or its code. */
export function languageIn(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
export const wordsFor = (lang: string): Words => (WORDS as Record<string, Words>)[lang.split('-')[0]!] ?? WORDS.en;
