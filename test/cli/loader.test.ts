import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DEPTH } from '../../src/load/yaml-file.js';
import { itaas, tempDir } from '../helpers.js';
import type { RunResult } from '../helpers.js';

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

// Both commands take many files and name each problem with its file: one run over every malformed file
// each (the single-file path is run in 'a file of another kind' below and in cli.test.ts).
describe.each(['validate', 'report'])('itaas %s on malformed input', (command) => {
  const out = tempDir();
  const paths = cases.map(({ file }) => join('test', 'fixtures', 'malformed', file));
  let run: RunResult | undefined;
  const ran = () => (run ??= itaas(command === 'validate' ? ['validate', ...paths] : ['report', ...paths, '--out', out]));
  it.each(cases)('$file: exit 2, names the file and the place, no stack trace', ({ file, says, at }) => {
    const path = join('test', 'fixtures', 'malformed', file);
    const r = ran();
    expect(r.code).toBe(2);
    const all = r.stdout + r.stderr;
    const about = all
      .split('\n')
      .filter((l) => l.startsWith(`${path}:`))
      .join('\n');
    expect(about).toMatch(says);
    expect(about).toContain(at ? `${path}:${at}` : `${path}: `);
    expect(all).not.toMatch(/^\s+at /m);
    expect(all).not.toMatch(/internal error/);
  });
  if (command === 'report') {
    it('writes no report for a file it could not read', () => {
      expect(existsSync(join(out, 'syntax-error.md'))).toBe(false);
    });
  }
});

describe('a file of another kind', () => {
  it('is named with its kind and the kind expected, in plain English', () => {
    const r = itaas(['report', 'models/itaas.yaml', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('models/itaas.yaml:1:1: is a model, but an answers file was expected here');
  });
});

describe('the safe YAML loader, through validate', () => {
  it('accepts a byte-order mark and CRLF line ends', () => {
    const d = tempDir();
    const f = join(d, 'bom.yaml');
    writeFileSync(f, '\ufeffkind: answers\r\nx: 1\r\n');
    // Parsed as YAML: only schema problems remain, at the right line despite the BOM and CRLF.
    expect(itaas(['validate', f]).stdout).toContain(`${f}:2:1: x: unknown key "x"`);
  });
});
