import { de } from './de.js';
import { en } from './en.js';
import type { Messages } from './en.js';

export type { Messages } from './en.js';

/** Catalogues by language code; add a language by adding its file here. */
const catalogues = new Map<string, Messages>([
  ['en', en],
  ['de', de],
]);

/** The report wording for a language ("de-CH" falls back to "de", anything unknown to English). */
export function messages(lang: string): Messages {
  return catalogues.get(lang) ?? catalogues.get(lang.split('-')[0]!.toLowerCase()) ?? en;
}

/** Whether the reports have their own wording in a language (else `messages` gives English). */
export function hasMessages(lang: string): boolean {
  return catalogues.has(lang) || catalogues.has(lang.split('-')[0]!.toLowerCase());
}
