import type { Text } from '../schema/common.js';

/**
 * Picks the wording of a text for a language: the language asked for, else the file's own default
 * language, else the first one given. `onFallback` is told when the asked-for language was missing.
 */
export function resolveText(text: Text | undefined, lang: string, fileLang: string, onFallback?: (used: string) => void): string {
  if (text === undefined) return '';
  if (typeof text === 'string') {
    if (lang !== fileLang) onFallback?.(fileLang);
    return text;
  }
  const exact = text[lang];
  if (exact !== undefined) return exact;
  const base = text[lang.split('-')[0]!];
  if (base !== undefined) return base;
  const used = text[fileLang] !== undefined ? fileLang : Object.keys(text).sort()[0]!;
  onFallback?.(used);
  return text[used]!;
}

/** Every language a questionnaire is written in: its own, then those of its text maps, sorted. */
export function questionnaireLanguages(questionnaire: {
  language: string;
  title: Text;
  description?: Text;
  sections: ReadonlyArray<{ title: Text; description?: Text; questions: ReadonlyArray<{ text: Text; help?: Text; options: ReadonlyArray<{ label: Text; description?: Text }> }> }>;
}): string[] {
  const found = new Set<string>();
  const add = (text: Text | undefined) => {
    if (text && typeof text !== 'string') for (const k of Object.keys(text)) found.add(k);
  };
  add(questionnaire.title);
  add(questionnaire.description);
  for (const section of questionnaire.sections) {
    add(section.title);
    add(section.description);
    for (const question of section.questions) {
      add(question.text);
      add(question.help);
      for (const option of question.options) {
        add(option.label);
        add(option.description);
      }
    }
  }
  found.delete(questionnaire.language);
  return [questionnaire.language, ...[...found].sort()];
}

/** A score or value as reports write it: `digits` decimals with the language's decimal mark, '–' for none. */
export function formatNumber(value: number | null, digits: number, decimal: string): string {
  return value === null ? '–' : value.toFixed(digits).replace('.', decimal);
}

/**
 * How an answer reads: the chosen option's label in the language, the words for "not applicable" and
 * "don't know", else the option's id (as `raw` shows it).
 */
export function answerLabel(
  question: { options: ReadonlyArray<{ id: string; label: Text }> } | undefined,
  option: string,
  words: { text: (text: Text | undefined) => string; notApplicable: string; dontKnow: string; raw?: (option: string) => string },
): string {
  if (option === 'na') return words.notApplicable;
  if (option === 'dontKnow') return words.dontKnow;
  return words.text(question?.options.find((o) => o.id === option)?.label) || (words.raw ? words.raw(option) : option);
}
