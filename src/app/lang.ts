import type { ReportContext } from '../report/context.js';
import { hasMessages } from '../i18n/index.js';

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

/** What a report in `ctx.lang` could not say in that language, once per file. */
export function languageNotices(ctx: ReportContext): string[] {
  const out: string[] = [];
  const counts = new Map([...ctx.fallbacks].map(([used, texts]) => [used, texts.size]));
  const notice = fallbackNotice(ctx.lang, counts);
  if (notice) out.push(notice);
  if (!hasMessages(ctx.lang)) out.push(`note: the reports have no ${languageName(ctx.lang)} wording for their headings and labels; used English`);
  return out;
}
