import { describe, expect, it } from 'vitest';
import { contradictingRanges, statedRanges } from '../../src/load/ranges.js';

const H = 1;
const D = 24;
const W = 7 * D;
const M = 30 * D;
const spans = (t: string) => statedRanges(t).map((r) => [r.kind, Math.round(r.low * 100) / 100, r.high === Infinity ? 'inf' : Math.round(r.high * 100) / 100]);

describe('ranges stated in words', () => {
  it('reads shares in English and German', () => {
    expect(spans('Less than a quarter')).toEqual([['share', 0, 25]]);
    expect(spans('A quarter to 60%')).toEqual([['share', 25, 60]]);
    expect(spans('60% to 90% of server workloads')).toEqual([['share', 60, 90]]);
    expect(spans('More than 90%')).toEqual([['share', 90, 100]]);
    expect(spans('At least 80% of server workloads run on shared clusters')).toEqual([['share', 80, 100]]);
    expect(spans('Fewer than a third of servers')).toEqual([['share', 0, 33.33]]);
    expect(spans('Between a third and two thirds of server workloads')).toEqual([['share', 33.33, 66.67]]);
    expect(spans('Zwischen einem und zwei Dritteln der Server-Workloads')).toEqual([['share', 33.33, 66.67]]);
    expect(spans('Ein Viertel bis 60 %')).toEqual([['share', 25, 60]]);
    expect(spans('Weniger als ein Viertel')).toEqual([['share', 0, 25]]);
  });

  it('reads durations in English and German', () => {
    expect(spans('Two to four weeks')).toEqual([['duration', 2 * W, 4 * W]]);
    expect(spans('A few days to a week')).toEqual([['duration', 3 * D, W]]);
    expect(spans('in a few days to two weeks')).toEqual([['duration', 3 * D, 2 * W]]);
    expect(spans('The same day')).toEqual([['duration', 0, D]]);
    expect(spans('More than a month')).toEqual([['duration', M, 'inf']]);
    expect(spans('Weeks')).toEqual([['duration', W, M]]);
    expect(spans('Minutes, with nobody in IT involved')).toEqual([['duration', Math.round((H / 60) * 100) / 100, H]]);
    expect(spans('One or two days')).toEqual([['duration', D, 2 * D]]);
    expect(spans('Ein bis zwei Tage')).toEqual([['duration', D, 2 * D]]);
    expect(spans('Einige Tage bis eine Woche')).toEqual([['duration', 3 * D, W]]);
    expect(spans('Mehr als einen Monat')).toEqual([['duration', M, 'inf']]);
    expect(spans('Innerhalb eines Monats')).toEqual([['duration', 0, M]]);
    expect(spans('am selben Tag')).toEqual([['duration', 0, D]]);
  });

  it('finds no range where none is stated', () => {
    expect(spans('The next quarter')).toEqual([]);
    expect(spans('5 to 15')).toEqual([]);
    expect(spans('Not within the year')).toEqual([]);
    expect(spans('Servers, storage and network')).toEqual([]);
  });

  it('names an option range that the descriptor of its level contradicts, and accepts one it states', () => {
    const level3 = 'At least 80% of server workloads run on shared, standardised virtual clusters.';
    expect(contradictingRanges('60% to 90%', level3).map((c) => [c.option.text, c.descriptor.map((d) => d.text)])).toEqual([['60% to 90%', ['At least 80%']]]);
    expect(contradictingRanges('60% to 90%', '60% to 90% of server workloads run on shared clusters.')).toEqual([]);
    // A descriptor may state several ranges (a server and a whole environment); one must match.
    const rapid = 'A standard server on the same day, a complete environment in one or two days.';
    expect(contradictingRanges('One or two days', rapid)).toEqual([]);
    expect(contradictingRanges('A few days to a week', 'Virtual servers can be supplied in a few days to two weeks.')).toHaveLength(1);
    // A range of another kind, or none at all, is nothing to compare.
    expect(contradictingRanges('Less than 20%', rapid)).toEqual([]);
    expect(contradictingRanges('Routinely', level3)).toEqual([]);
  });
});
