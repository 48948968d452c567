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
