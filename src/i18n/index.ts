import { de } from './de.js';
import { en } from './en.js';
import type { Messages } from './en.js';
import { lookup } from './lookup.js';

export type { Messages } from './en.js';
/** The interview's own wording in one language. */
export type InterviewMessages = Messages['interview'];
/** The wording of `questionnaire show` in one language. */
export type ShowWords = Messages['show'];

/** Catalogues by language code; add a language by adding its file here. */
const catalogues: Readonly<Record<string, Messages>> = { en, de };

/** The fixed wording of reports, comparisons, portfolios, the interview and `questionnaire show` in a language ("de-CH" falls back to "de", anything unknown to English). */
export function messages(lang: string): Messages {
  return lookup(catalogues, lang) ?? en;
}

/** Whether itaas has its own wording in a language (else `messages` gives English). */
export function hasMessages(lang: string): boolean {
  return lookup(catalogues, lang) !== undefined;
}

/** A language's name in another language ("en" in German: "Englisch"), or its code. */
export function languageIn(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
