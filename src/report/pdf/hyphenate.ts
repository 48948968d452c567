import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Hyphenator = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Liang's patterns (as TeX uses them) for each report language; other languages are not hyphenated. */
const PATTERNS: Record<string, string> = {
  de: 'hyphen/patterns/de-1996.js',
  'en-gb': 'hyphen/patterns/en-gb.js',
  en: 'hyphen/patterns/en-us.js',
};

const cache = new Map<string, Hyphenator | null>();

function hyphenatorFor(lang: string): Hyphenator | null {
  const l = lang.toLowerCase();
  const key = PATTERNS[l] ? l : PATTERNS[l.split('-')[0]!] ? l.split('-')[0]! : '';
  if (cache.has(key)) return cache.get(key)!;
  let h: Hyphenator | null = null;
  if (key) {
    const create = require('hyphen') as (patterns: unknown, options?: object) => Hyphenator;
    h = create(require(PATTERNS[key]!));
  }
  cache.set(key, h);
  return h;
}

/**
 * Where a word may be broken, by the language's hyphenation rules: the lengths of the prefixes that
 * may end a line, each with whether a hyphen must be added (not after a hyphen the word already has).
 * Never inside a syllable; none for a language without patterns.
 */
export function breakPoints(word: string, lang: string): Array<{ at: number; hyphen: boolean }> {
  const out: Array<{ at: number; hyphen: boolean }> = [];
  const h = hyphenatorFor(lang);
  const marked = h ? h(word, { hyphenChar: '\u00ad', minWordLength: 5 }) : word;
  let at = 0;
  for (const ch of marked) {
    if (ch === '\u00ad') {
      out.push({ at, hyphen: true });
      continue;
    }
    at += ch.length;
    if ((ch === '-' || ch === '/') && at < word.length && at > 1) out.push({ at, hyphen: false });
  }
  return out;
}
