import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseYaml } from '../../src/load/safe-yaml.js';
import { MAX_DEPTH } from '../../src/load/yaml-file.js';

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

  it('refuses nesting just over the limit and accepts it at the limit', () => {
    const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(() => parse(flow(MAX_DEPTH - 2))).not.toThrow();
    expect(() => parse(flow(MAX_DEPTH + 1))).toThrow(/deeper/);
  });
});
