import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdCell, mdEscape } from '../../src/report/markdown.js';

describe('Markdown escaping of what people typed', () => {
  it('turns markup, links and HTML into plain text', () => {
    expect(mdEscape('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mdEscape('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript:alert(1))');
    expect(mdEscape('x_y *b* `c`')).toBe('x\\_y \\*b\\* \\`c\\`');
  });
  it('keeps ordinary punctuation readable in the raw file', () => {
    expect(mdEscape('Infrastructure & Operations (about 60 people)')).toBe('Infrastructure & Operations (about 60 people)');
    expect(mdEscape('AT&amp;T')).toBe('AT&amp;amp;T');
  });
  it('stops a line from becoming a heading or a list', () => {
    expect(mdEscape('# not a heading')).toBe('\\# not a heading');
    expect(mdEscape('first\n- not a list\n2. nor this')).toBe('first\n\\- not a list\n2\\. nor this');
  });
  it('drops direction overrides and control characters', () => {
    expect(mdEscape('abc\u202edef\u0007')).toBe('abcdef');
  });
  it('keeps a table cell on one line with its pipes escaped', () => {
    expect(mdCell('a | b\nc')).toBe('a \\| b c');
  });
  it('returns text unchanged without escaping only where escaping would change nothing', () => {
    // A leading line break sends text through the full escaping without changing how its first line is read.
    const full = (text: string) => mdEscape(`\n${text}`).slice(1);
    const shipped = ['models', 'questionnaires', 'examples'].flatMap((dir) =>
      readdirSync(join(__dirname, '..', '..', dir))
        .filter((f) => f.endsWith('.yaml'))
        .flatMap((f) => readFileSync(join(__dirname, '..', '..', dir, f), 'utf8').split('\n')),
    );
    const alphabet = [
      'a',
      'B',
      'w',
      'www',
      'W',
      '1',
      '2',
      ' ',
      '\t',
      '.',
      ',',
      '-',
      '+',
      '=',
      '#',
      ':',
      '//',
      '@',
      '(',
      ')',
      '[',
      ']',
      '*',
      '_',
      '`',
      '~',
      '|',
      '<',
      '>',
      '&',
      ';',
      '!',
      '\\',
      'é',
      'ü',
      '\u202e',
      '\u0007',
      'http',
      'mailto',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const fuzz = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    let unchanged = 0;
    for (const text of [...shipped, ...fuzz]) {
      expect(mdEscape(text), JSON.stringify(text)).toBe(full(text));
      if (mdEscape(text) === text) unchanged++;
    }
    expect(unchanged).toBeGreaterThan(1000);
  });
});
