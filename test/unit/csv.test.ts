import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../src/report/csv.js';

describe('CSV cells', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+2', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['plain', '1-2', 'a@b', 'x =y']) expect(neutralise(s)).toBe(s);
  });

  it('neutralises a formula behind leading spaces, line feeds or NULs', () => {
    for (const s of [' =1+2', '  +1', '\n-2', '\0@SUM(A1)', ' \n =HYPERLINK("x")']) expect(neutralise(s)).toBe(`'${s}`);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(neutralise(-1.5)).toBe(-1.5);
    expect(toCsv(['delta'], [[-1.5], ['-1.5']])).toBe("\ufeffdelta\r\n-1.5\r\n'-1.5\r\n");
  });

  it('quotes per RFC 4180: commas, quotes and line breaks; CRLF between records; empty for null', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['x,y', 'say "hi"', 'two\nlines'],
          [null, 'ok', 3],
        ],
      ),
    ).toBe('\ufeffa,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n,ok,3\r\n');
  });
});
