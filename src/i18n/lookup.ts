/**
 * The catalogue for a language from a set of catalogues by language code: the exact code, else its base
 * language ("de-CH" uses "de"), else none. Every catalogue of itaas is looked up this one way.
 */
export function lookup<T>(catalogues: Readonly<Record<string, T>>, lang: string): T | undefined {
  return Object.hasOwn(catalogues, lang) ? catalogues[lang] : (catalogues[lang.split('-')[0]!.toLowerCase()] ?? undefined);
}
