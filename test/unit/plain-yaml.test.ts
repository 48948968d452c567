/** The quick YAML reader gives exactly the safe loader's data, or leaves the file to the safe loader. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parsePlainYaml } from '../../src/load/plain-yaml.js';
import { parseYaml } from '../../src/load/safe-yaml.js';
import { MAX_FILE_BYTES } from '../../src/load/yaml-file.js';
import { fixtures, root } from '../helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** The safe loader's data, or the error it refuses the text with. */
function safe(text: string): { data?: unknown; error?: string } {
  try {
    return { data: parseYaml('x.yaml', text).data };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Same data, same key order; or no data from the quick reader where the safe loader refuses. */
function agree(text: string, what = ''): 'quick' | 'safe' {
  const quick = parsePlainYaml(text);
  if (quick === undefined) return 'safe';
  const s = safe(text);
  expect(s.error, what).toBeUndefined();
  expect(JSON.stringify(quick), what).toBe(JSON.stringify(s.data));
  expect(quick).toStrictEqual(s.data);
  return 'quick';
}

const SCALARS = [
  'yes',
  'no',
  'on',
  '1.0',
  '1.50',
  '-0',
  '007',
  '1e3',
  '0x10',
  '0o7',
  '+1',
  '.5',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'FALSE',
  '2.0.0',
  '2025-03-12',
  '12:30',
  'a: b',
  'a:b',
  'C#',
  'a #b',
  'a#b',
  '[a]',
  '{a: 1}',
  'a, b [c] {d}',
  '&x a',
  '*x',
  '!!str 5',
  '!x',
  '|',
  '>',
  '- x',
  '-x',
  '? x',
  '%x',
  '@x',
  '`x',
  '"a\\tb"',
  '"\\u00e9t\\u00e9"',
  '"\\ud800"',
  '"\\x41"',
  '"a" b',
  '"unterminated',
  "'it''s'",
  "'a' # c",
  '"a" # c',
  '""',
  "''",
  'Zürich — “quoted” ✓',
  '\u0085x',
  'a\u2028b',
  '123456789012345678',
  '1_000',
  '0b11',
  '::',
  'a:',
  ':a',
  '-',
  '--',
  '#',
  'x # comment',
  '"#"',
];

describe('quick YAML reader', () => {
  it('reads every file of the repository as the safe loader does, or leaves it to it', () => {
    const files = ['examples', 'questionnaires', 'models', 'test/fixtures'].flatMap((d) => yamlFiles(join(root, d)));
    // The file over the size limit is refused before either reader sees it; its first lines keep its shape (one list item after another).
    const text = (f: string) => (statSync(f).size > MAX_FILE_BYTES ? readFileSync(f, 'utf8').split('\n').slice(0, 200).join('\n') : readFileSync(f, 'utf8'));
    expect(files.filter((f) => statSync(f).size > MAX_FILE_BYTES)).toHaveLength(1);
    const taken = files.filter((f) => agree(text(f)) === 'quick');
    // The examples are what reports are made from every day: they must take the quick way.
    expect(taken.map((f) => f.slice(root.length + 1))).toEqual(expect.arrayContaining(['examples/northwind-logistics.yaml', 'examples/meridian-health.yaml']));
    expect(agree(readFileSync(join(fixtures, 'hostile-answers.yaml'), 'utf8'))).toBeDefined();
  });

  it("reads answers as yaml's writer lays them out (long notes folded over several lines)", () => {
    for (const name of ['northwind-logistics.yaml', 'meridian-health.yaml']) {
      const text = stringify(parse(readFileSync(join(root, 'examples', name), 'utf8')));
      expect(text).toMatch(/: "[^"\n]*\n/);
      expect(agree(text, name)).toBe('quick');
    }
  });

  it('agrees on every scalar, key and layout change of an example', () => {
    const lines = readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8').split('\n');
    let quick = 0;
    let total = 0;
    const check = (text: string, what = '') => {
      total++;
      if (agree(text, what) === 'quick') quick++;
    };
    const indent = (l: string) => /^\s*/.exec(l)![0].length;
    const content = (l: string) => l.trim() !== '' && !l.trimStart().startsWith('#');
    /**
     * The example's lines from..to, some of them changed, under the lines that hold them (each less indented
     * line before, up to the top level): a small file in which each line stands where it stands in the example
     * relative to its parents and neighbours. A change is read in the light of what is around it, and reading
     * a dozen lines costs a twentieth of reading the whole file.
     */
    const excerpt = (from: number, to: number, changes: ReadonlyMap<number, string[]>) => {
      const parents: string[] = [];
      let level = indent(lines.slice(from, to).find(content) ?? '');
      for (let j = from - 1; j >= 0 && level > 0; j--) {
        if (content(lines[j]!) && indent(lines[j]!) < level) {
          parents.unshift(lines[j]!);
          level = indent(lines[j]!);
        }
      }
      const body = lines.slice(from, to).flatMap((l, k) => changes.get(from + k) ?? [l]);
      return [...parents, ...body].join('\n');
    };
    const KEY_LINE = /^(\s*(?:- )?[A-Za-z_][\w-]*:) ?(.*)$/;
    /** What a person might make of a key line: another value, no value, another indentation, a stray tab... */
    const variants = (line: string): Array<[string, string[]]> => {
      const m = KEY_LINE.exec(line)!;
      return [
        ...SCALARS.map((v): [string, string[]] => [v, [`${m[1]} ${v}`]]),
        ['no value', [`${m[1]}`]],
        ['indented deeper', [line.replace(/^(\s*)/, '$1  ')]],
        ['indented less', [line.replace(/^ /, '')]],
        ['a tab after', [`${line}\t`]],
        ['a space before the colon', [line.replace(':', ' :')]],
        ['__proto__', [line.replace(/^(\s*)(- )?([\w-]+)/, '$1$2__proto__')]],
        ['a quoted key', [line.replace(/^(\s*)(- )?([\w-]+)/, '$1$2"$3"')]],
        ['the line twice', [line, line.replace(/^(\s*)- /, '$1  ')]],
      ];
    };
    // The first line of each shape (the file repeats the same shapes), each in every variant, with two lines
    // before and four after. A shape: the indentation, a list item or not, no value, a quoted or a plain one,
    // and whether the next line goes deeper, stays level or goes back.
    const keyLines = lines.flatMap((line, i) => (KEY_LINE.test(line) ? [i] : []));
    const shapes = new Set<string>();
    for (const i of keyLines) {
      const line = lines[i]!;
      const value = KEY_LINE.exec(line)![2]!;
      const next = indent(lines[i + 1] ?? '') - indent(line);
      const shape = [indent(line), /^\s*- /.test(line), value === '' ? 'none' : /^["']/.test(value) ? 'quoted' : 'plain', Math.sign(next)].join(' ');
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      for (const [what, changed] of variants(line)) {
        check(excerpt(Math.max(0, i - 2), i + 5, new Map([[i, changed]])), `line ${i + 1}, ${what}: ${changed.join(' / ')}`);
      }
    }
    // Every other key line too, seeded (the same cases every run): one or two changes in excerpts of varied size.
    let seed = 13;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    for (let n = 0; n < 400; n++) {
      const i = keyLines[random(keyLines.length)]!;
      const from = Math.max(0, i - random(6));
      const to = Math.min(lines.length, i + 1 + random(8));
      const near = keyLines.filter((j) => j >= from && j < to && j !== i);
      const changes = new Map<number, string[]>();
      for (const j of random(3) === 0 && near.length ? [i, near[random(near.length)]!] : [i]) {
        const options = variants(lines[j]!);
        changes.set(j, options[random(options.length)]![1]);
      }
      check(excerpt(from, to, changes), `lines ${from + 1}-${to}, changed: ${JSON.stringify([...changes])}`);
    }
    // The whole example, changed as a whole or with more after it.
    check(lines.join('\r\n'));
    check(`---\n${lines.join('\n')}`);
    check(`${lines.join('\n')}\n---\nkind: answers\n`);
    check(`${lines.join('\n')}\nx: &a 1\ny: *a\n`);
    check(`${lines.join('\n')}\nnote: |\n  two\n  lines\n`);
    check(`${lines.join('\n')}\nnote: two\n  lines\n`);
    check(`${lines.join('\n')}\nlist:\n- a\n- - b\n  - c\n-\n- d: 1\n  e: 2\n`);
    check(`${lines.join('\n')}\n${'  '.repeat(140)}deep: 1\n`);
    // Scalars over several lines, as yaml's writer folds long ones: the next lines may begin with anything. After
    // the example's last lines, which end three levels deep.
    const end = excerpt(lines.length - 6, lines.length, new Map());
    for (const v of SCALARS) {
      check(`${end}\nnote: first words\n  ${v}\n`, `plain, then ${v}`);
      check(`${end}\nnote: "first: words\n  ${v}"\n`, `double-quoted, then ${v}`);
      check(`${end}\nnote: 'first: words\n  ${v}'\n`, `single-quoted, then ${v}`);
      check(`${end}\nnote: "first ${v}\n  last" # c\n`, `double-quoted from ${v}`);
    }
    for (const layout of [
      'note: "a\\\n  b"',
      'note: "a \n  b"',
      'note: "a\n\n  b"',
      'note: "a\n  # b\n  c"',
      'note: "a\nb"',
      'note: "a\n  b\n  c"\n  d',
      'note: "a\n  b" c',
      "note: 'a''\n  ''b'",
      'x:\n  note: "a\n  b"',
      'x:\n  note: "a\n    b\n      c"',
    ]) {
      check(`${end}\n${layout}\n`, layout);
    }
    expect(shapes.size).toBeGreaterThanOrEqual(12);
    expect(total).toBeGreaterThan(1400);
    expect(quick).toBeGreaterThan(total / 4);
  });
});
