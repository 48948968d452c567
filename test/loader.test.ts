import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/load/problems.js';
import { MAX_ALIASES, MAX_DEPTH, parseYaml } from '../src/load/safe-yaml.js';
import { fixtures, itaas, tempDir } from './helpers.js';

const dir = join(fixtures, 'malformed');

/** Each malformed file, the words its message must contain, and whether it can name a line and column. */
const cases: Array<{ file: string; says: RegExp; at?: string }> = [
  { file: 'syntax-error.yaml', says: /closing "quote/i, at: '5:1' },
  { file: 'duplicate-key.yaml', says: /unique/i, at: '4:3' },
  { file: 'unknown-tag.yaml', says: /tag/i, at: '2:13' },
  { file: 'several-documents.yaml', says: /several YAML documents/, at: '4:1' },
  { file: 'alias-bomb.yaml', says: new RegExp(`more than ${MAX_ALIASES} aliases`), at: '23:6' },
  { file: 'undefined-alias.yaml', says: /alias "\*missing" names no anchor/, at: '3:4' },
  { file: 'deep-flow.yaml', says: new RegExp(`deeper than ${MAX_DEPTH} levels`), at: '2:' },
  { file: 'deep-block.yaml', says: new RegExp(`deeper than ${MAX_DEPTH} levels`), at: '65:' },
  { file: 'proto-key.yaml', says: /"__proto__" is not allowed/, at: '2:1' },
  { file: 'constructor-key.yaml', says: /"constructor" is not allowed/, at: '4:5' },
  { file: 'tab-indent.yaml', says: /tab/i, at: '3:1' },
  { file: 'unclosed-flow.yaml', says: /flow map/i, at: '3:1' },
  { file: 'empty.yaml', says: /is empty/ },
  { file: 'comment-only.yaml', says: /is empty/ },
  { file: 'binary.yaml', says: /binary/ },
  { file: 'invalid-utf8.yaml', says: /not valid UTF-8/ },
  { file: 'huge.yaml', says: /bytes; files over \d+ bytes are refused/ },
  { file: 'a-directory.yaml', says: /is a directory/ },
  { file: 'no-such-file.yaml', says: /no such file/ },
];

describe.each(['validate', 'report'])('itaas %s on malformed input', (command) => {
  const out = tempDir();
  it.each(cases)('$file: exit 2, names the file and the place, no stack trace', ({ file, says, at }) => {
    const path = join('test', 'fixtures', 'malformed', file);
    const r = itaas(command === 'validate' ? ['validate', path] : ['report', path, '--out', out]);
    expect(r.code).toBe(2);
    const all = r.stdout + r.stderr;
    expect(all).toMatch(says);
    expect(all).toContain(at ? `${path}:${at}` : `${path}: `);
    expect(all).not.toMatch(/^\s+at /m);
    expect(all).not.toMatch(/internal error/);
  });
  if (command === 'report') {
    it('writes no report for a file it could not read', () => {
      expect(existsSync(join(out, 'syntax-error.md'))).toBe(false);
    });
  }
});

describe('the safe YAML loader', () => {
  const parse = (text: string) => parseYaml('t.yaml', text);
  const problemsOf = (text: string) => {
    try {
      parse(text);
    } catch (e) {
      if (e instanceof UserError) return e.problems;
      throw e;
    }
    throw new Error('expected a UserError');
  };

  it('reads YAML 1.2 core: yes/no/on and 0777 are not booleans or octals', () => {
    expect(parse('a: yes\nb: no\nc: on\nd: 0777\ne: 0o17\nf: true\n').data).toEqual({ a: 'yes', b: 'no', c: 'on', d: 777, e: 15, f: true });
  });

  it('does not pollute prototypes', () => {
    expect(problemsOf('a:\n  __proto__:\n    admin: true\n')[0]).toMatchObject({ line: 2, col: 3 });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses merge keys rather than expanding them silently', () => {
    const r = (() => {
      try {
        return parse('base: &b {x: 1}\nother:\n  <<: *b\n').data;
      } catch (e) {
        return e;
      }
    })();
    // Under YAML 1.2 core, "<<" is an ordinary key: the alias is kept as a value, never merged.
    expect(r).toEqual({ base: { x: 1 }, other: { '<<': { x: 1 } } });
  });

  it('reports every parser problem, not just the first', () => {
    const problems = problemsOf('a: 1\na: 2\nb: 1\nb: 2\n');
    expect(problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const d = tempDir();
    const f = join(d, 'bom.yaml');
    writeFileSync(f, '\ufeffkind: answers\r\nx: 1\r\n');
    // Parsed as YAML: only schema problems remain, at the right line despite the BOM and CRLF.
    expect(itaas(['validate', f]).stdout).toContain(`${f}:2:1: x: unknown key "x"`);
  });

  it('refuses nesting just over the limit and accepts it at the limit', () => {
    const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(() => parse(flow(MAX_DEPTH - 2))).not.toThrow();
    expect(() => parse(flow(MAX_DEPTH + 1))).toThrow(/deeper/);
  });
});
