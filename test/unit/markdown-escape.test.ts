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
});
