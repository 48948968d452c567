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
export function questionnaireLanguages(q: {
  language: string;
  title: Text;
  description?: Text;
  sections: ReadonlyArray<{ title: Text; description?: Text; questions: ReadonlyArray<{ text: Text; help?: Text; options: ReadonlyArray<{ label: Text; description?: Text }> }> }>;
}): string[] {
  const found = new Set<string>();
  const add = (t: Text | undefined) => {
    if (t && typeof t !== 'string') for (const k of Object.keys(t)) found.add(k);
  };
  add(q.title);
  add(q.description);
  for (const s of q.sections) {
    add(s.title);
    add(s.description);
    for (const x of s.questions) {
      add(x.text);
      add(x.help);
      for (const o of x.options) {
        add(o.label);
        add(o.description);
      }
    }
  }
  found.delete(q.language);
  return [q.language, ...[...found].sort()];
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
  words: { text: (t: Text | undefined) => string; notApplicable: string; dontKnow: string; raw?: (option: string) => string },
): string {
  if (option === 'na') return words.notApplicable;
  if (option === 'dontKnow') return words.dontKnow;
  return words.text(question?.options.find((o) => o.id === option)?.label) || (words.raw ? words.raw(option) : option);
}
