/*
 * Numeric ranges stated in plain words, such as "less than a quarter", "60% to 90%", "a few days to a
 * week" or "zwei bis vier Wochen", read from option labels and level descriptors in English and German.
 * `validate --strict` uses them to find an option whose range differs from the range the descriptor of
 * the level it scores states. Only the forms questionnaires actually use are read; text that does not
 * state a range gives none, and then there is nothing to compare.
 */

export type RangeKind = 'share' | 'duration';

export interface StatedRange {
  kind: RangeKind;
  /** Lower and upper bound: a percentage (0..100) or a duration in hours. */
  low: number;
  high: number;
  /** The words that stated it, for messages. */
  text: string;
}

const HOUR = 1;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Duration units, singular and plural, in English and German (with the German case endings). */
const UNITS: Array<[RegExp, number, number]> = [
  // [pattern, size, size of the next larger unit (the upper end of a bare plural such as "weeks")]
  [/^(?:minutes?|minuten?)$/, HOUR / 60, HOUR],
  [/^(?:hours?|stunden?)$/, HOUR, DAY],
  [/^(?:days?|tage?|tagen|tages|tags)$/, DAY, WEEK],
  [/^(?:weeks?|wochen?)$/, WEEK, MONTH],
  [/^(?:months?|monate?|monaten|monats)$/, MONTH, YEAR],
  [/^(?:years?|jahre?|jahren|jahres|jahrs)$/, YEAR, 10 * YEAR],
];
const PLURAL = /^(?:minutes|hours|days|weeks|months|years|minuten|stunden|tage|tagen|wochen|monate|monaten|jahre|jahren)$/;

/** Shares named as fractions: "a quarter", "zwei Dritteln". */
const FRACTIONS: Array<[RegExp, number]> = [
  [/^(?:quarters?|viertel[n]?)$/, 25],
  [/^(?:thirds?|drittel[n]?)$/, 100 / 3],
];

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ein: 1,
  eine: 1,
  einen: 1,
  einem: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  'f\u00fcnf': 5,
  sechs: 6,
  // "a few", "several": about three.
  few: 3,
  several: 3,
  einige: 3,
  einigen: 3,
  einiger: 3,
  wenige: 3,
  wenigen: 3,
  mehrere: 3,
  mehreren: 3,
};

const BELOW = /(?:less than|fewer than|under|below|weniger als|unter)\s+$/;
const ABOVE = /(?:more than|over|above|mehr als|\u00fcber)\s+$/;
const AT_LEAST = /(?:at least|mindestens)\s+$/;
const WITHIN = /(?:within|innerhalb von|innerhalb)\s+$/;
const BETWEEN = /(?:between|zwischen)\s+$/;
const JOIN = /^\s+(?:to|and|or|bis|und|oder)\s+$|^\s*[\u2013-]\s*$/;

interface Quantity {
  kind: RangeKind;
  low: number;
  high: number;
  start: number;
  end: number;
  /** A bare plural ("weeks") is a band of its own, not a point. */
  band: boolean;
  /** What one of the quantity's unit is worth (a week in hours, a third in per cent), for "two to four weeks". */
  unit?: number;
}

const number = (w: string): number | undefined => (/^\d+(?:[.,]\d+)?$/.test(w) ? Number(w.replace(',', '.')) : NUMBERS[w]);
const unitOf = (w: string) => UNITS.find(([re]) => re.test(w));
const fractionOf = (w: string) => FRACTIONS.find(([re]) => re.test(w));

/** The quantities in a text, in order: shares, durations, and numbers without a unit (kind undefined). */
function quantities(text: string): Array<Quantity | (Omit<Quantity, 'kind'> & { kind?: undefined; value: number })> {
  const out: Array<Quantity | (Omit<Quantity, 'kind'> & { kind?: undefined; value: number })> = [];
  const words = [...text.toLowerCase().matchAll(/\d+(?:[.,]\d+)?\s?%|[\p{L}\d.,]+/gu)].map((m) => ({ w: m[0].replace(/[.,]$/, ''), start: m.index, end: m.index + m[0].length }));
  for (let i = 0; i < words.length; i++) {
    const { w: word, start } = words[i]!;
    const pct = /^(\d+(?:[.,]\d+)?)\s?%$/.exec(word);
    if (pct) {
      const percent = Number(pct[1]!.replace(',', '.'));
      out.push({ kind: 'share', low: percent, high: percent, start, end: words[i]!.end, band: false, unit: 1 });
      continue;
    }
    if (word === 'half' || word === 'h\u00e4lfte') {
      out.push({ kind: 'share', low: 50, high: 50, start, end: words[i]!.end, band: false });
      continue;
    }
    if ((word === 'same' || word === 'selben') && words[i + 1] && unitOf(words[i + 1]!.w)?.[1] === DAY) {
      const begin = i > 0 && (words[i - 1]!.w === 'the' || words[i - 1]!.w === 'am') ? words[i - 1]!.start : start;
      out.push({ kind: 'duration', low: 0, high: DAY, start: begin, end: words[i + 1]!.end, band: true });
      i++;
      continue;
    }
    let amount = number(word);
    let j = i;
    if (word === 'a' && words[i + 1]?.w === 'few') {
      amount = 3;
      j = i + 1;
    }
    const next = words[j + 1];
    if (amount !== undefined && next) {
      const unit = unitOf(next.w);
      const fraction = fractionOf(next.w);
      if (unit) {
        out.push({ kind: 'duration', low: amount * unit[1], high: amount * unit[1], start, end: next.end, band: false, unit: unit[1] });
        i = j + 1;
        continue;
      }
      if (fraction) {
        out.push({ kind: 'share', low: amount * fraction[1], high: amount * fraction[1], start, end: next.end, band: false, unit: fraction[1] });
        i = j + 1;
        continue;
      }
    }
    if (amount !== undefined && /^\d|^[a-z\u00e4\u00f6\u00fc\u00df]+$/.test(word) && word !== 'a' && word !== 'an') {
      out.push({ value: amount, low: amount, high: amount, start, end: words[j]!.end, band: false });
      continue;
    }
    const bare = PLURAL.test(word) ? unitOf(word) : undefined;
    if (bare) out.push({ kind: 'duration', low: bare[1], high: bare[2], start, end: words[i]!.end, band: true });
  }
  return out;
}

/** Every range a text states: "less than a quarter" is 0..25 (share), "two to four weeks" 14..28 days (duration). */
export function statedRanges(text: string): StatedRange[] {
  const qs = quantities(text);
  const lower = text.toLowerCase();
  const out: StatedRange[] = [];
  for (let i = 0; i < qs.length; i++) {
    const quantity = qs[i]!;
    const next = qs[i + 1];
    // "two to four weeks", "a few days to a week", "between a third and two thirds", "ein bis zwei Tage".
    if (next?.kind && JOIN.test(lower.slice(quantity.end, next.start))) {
      const kind = next.kind;
      let low: number | undefined;
      if (quantity.kind === kind) low = quantity.low;
      else if (quantity.kind === undefined && 'value' in quantity && next.unit !== undefined) {
        // The first number takes the unit of the second: "two to four weeks", "einem und zwei Dritteln".
        low = quantity.value * next.unit;
      }
      if (low !== undefined) {
        const begin = BETWEEN.test(lower.slice(0, quantity.start)) ? lower.slice(0, quantity.start).search(BETWEEN) : quantity.start;
        out.push({ kind, low, high: next.high, text: said(text.slice(begin, next.end)) });
        i++;
        continue;
      }
    }
    if (!quantity.kind) continue;
    const before = lower.slice(Math.max(0, quantity.start - 20), quantity.start);
    const max = quantity.kind === 'share' ? 100 : Infinity;
    const matchBefore = (re: RegExp) => re.exec(before);
    const cmp = matchBefore(BELOW) ?? matchBefore(ABOVE) ?? matchBefore(AT_LEAST) ?? matchBefore(WITHIN);
    const begin = cmp ? quantity.start - (before.length - cmp.index) : quantity.start;
    const words = said(text.slice(begin, quantity.end));
    if (matchBefore(BELOW)) out.push({ kind: quantity.kind, low: 0, high: quantity.low, text: words });
    else if (matchBefore(ABOVE) || matchBefore(AT_LEAST)) out.push({ kind: quantity.kind, low: quantity.high, high: max, text: words });
    else if (matchBefore(WITHIN) && !quantity.band) out.push({ kind: quantity.kind, low: 0, high: quantity.high, text: words });
    else out.push({ kind: quantity.kind, low: quantity.low, high: quantity.high, text: words });
  }
  return out;
}

const said = (s: string) => s.trim().replace(/[.,;:]+$/, '');
const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The ranges of an option label that no range of the same kind in the descriptor matches, when the
 * descriptor states any range of that kind; empty when they agree or either states none.
 */
export function contradictingRanges(label: string, descriptor: string): Array<{ option: StatedRange; descriptor: StatedRange[] }> {
  const theirs = statedRanges(descriptor);
  return statedRanges(label)
    .map((r) => ({ option: r, descriptor: theirs.filter((d) => d.kind === r.kind) }))
    .filter(({ option, descriptor: ds }) => ds.length > 0 && !ds.some((d) => same(d.low, option.low) && same(d.high, option.high)));
}
