/** The English name of a language code ("de" -> "German"), or the code itself. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * One line saying which texts were not available in the language asked for, and what was used
 * instead, e.g. "no German text for 12 texts; used English". Empty when nothing fell back.
 */
export function fallbackNotice(lang: string, fellBack: ReadonlyMap<string, number>): string {
  const total = [...fellBack.values()].reduce((a, b) => a + b, 0);
  if (!total) return '';
  const used = [...fellBack.keys()].sort().map(languageName).join(' or ');
  return `note: no ${languageName(lang)} text for ${total} text${total === 1 ? '' : 's'}; used ${used}`;
}
