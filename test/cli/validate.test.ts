import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';
import type { RunResult } from '../helpers.js';

const source = join(fixtures, 'second-model');
const MODEL = 'data-maturity.yaml';
const QUESTIONNAIRE = 'data-questionnaire.yaml';
const ANSWERS = 'data-answers.yaml';

/** A copy of the second model's files with one file edited; returns the edited file's path. */
function broken(file: string, edits: Array<[from: string | RegExp, to: string]>): string {
  const dir = tempDir('itaas-validate-');
  cpSync(source, dir, { recursive: true });
  const path = join(dir, file);
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit ${String(from)} did not apply to ${file}`);
    text = next;
  }
  writeFileSync(path, text);
  return path;
}

/** `line:col` of the n-th occurrence (from 1) of `needle` in a file, `into` characters in. */
function at(path: string, needle: string, nth = 1, into = 0): string {
  const text = readFileSync(path, 'utf8');
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not in ${path}`);
  }
  const before = text.slice(0, i + into).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/**
 * The broken copies of the rule tests below (and the other files refused with exit 2 that need a run of
 * their own only for their lines) are made when the file is collected and go through one `itaas validate`
 * run (which prints every problem of every file it is given); each test reads the lines that name its own
 * copy's folder.
 */
const batch: string[] = [];
let batchRun: RunResult | undefined;

function itBroken(name: string, file: string, edits: Array<[from: string | RegExp, to: string]>, test: (path: string) => void): void {
  const path = broken(file, edits);
  batch.push(path);
  it(name, () => test(path));
}

/** What `itaas validate` said about one broken copy: the exit code of the whole run, the lines about that copy. */
function validated(path: string): RunResult {
  batchRun ??= itaas(['validate', ...batch]);
  const lines = batchRun.stdout.split('\n').filter((l) => l.includes(`${dirname(path)}/`));
  return { code: batchRun.code, stdout: lines.map((l) => `${l}\n`).join(''), stderr: batchRun.stderr };
}

function expectProblem(path: string, where: string, message: RegExp): void {
  const r = validated(path);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  const line = r.stdout.split('\n').find((l) => l.startsWith(`${path}:${where}: `));
  expect(line, `no problem at ${where} in:\n${r.stdout}`).toBeDefined();
  expect(line).toMatch(message);
}

describe('itaas validate', () => {
  it('accepts the shipped model and questionnaire and the second model, and --strict finds nothing to warn about in the shipped ones', () => {
    // One run for both (reading the shipped files is most of its cost): --strict checks all that validate checks, and more.
    const r = itaas([
      'validate',
      '--strict',
      'models/itaas.yaml',
      'questionnaires/itaas-core.yaml',
      ...['data-maturity', 'data-questionnaire', 'data-answers'].map((f) => `test/fixtures/second-model/${f}.yaml`),
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const ok of ['models/itaas.yaml (model)', 'questionnaires/itaas-core.yaml (questionnaire)', 'test/fixtures/second-model/data-answers.yaml (answers)']) expect(r.stderr).toContain(`ok  ${ok}`);
    // All it says is warnings about the second questionnaire's thin dimensions: no problem, nothing about the shipped files.
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => !/^test\/fixtures\/second-model\/data-questionnaire\.yaml:\d+:\d+: warning: /.test(l))).toEqual([]);
  });

  describe('model rules', () => {
    itBroken('duplicate ids', MODEL, [['  - id: governance\n', '  - id: storage\n']], (p) => {
      expectProblem(p, at(p, 'id: storage', 2, 4), /dimensions\[1\]\.id: duplicate dimension id "storage"/);
    });
    itBroken('a dimension on an unknown axis, with a suggestion', MODEL, [['    axis: value\n    title: Analytics', '    axis: valeu\n    title: Analytics']], (p) => {
      expectProblem(p, at(p, 'valeu'), /unknown axis "valeu"; did you mean "value"\?/);
    });
    itBroken('a gate naming a dimension that does not exist', MODEL, [['{dimension: analytics, min: 4}', '{dimension: analysis, min: 4}']], (p) => {
      expectProblem(p, at(p, 'dimension: analysis', 1, 11), /phases\.list\[1\]\.requires\[0\]\.dimension: unknown dimension "analysis"/);
    });
    itBroken('a stage requirement off the scale', MODEL, [['{dimension: storage, min: 3}\n    - id: federated', '{dimension: storage, min: 0}\n    - id: federated']], (p) => {
      expectProblem(p, at(p, 'min: 0}', 1, 5), /stages\.list\[0\]\.requires\[0\]\.min: must be between 1 and 5/);
    });
    itBroken('an initiative raising an unknown dimension', MODEL, [['raises: [{dimension: governance, from: 1, to: 3}]', 'raises: [{dimension: govern, from: 1, to: 3}]']], (p) => {
      expectProblem(p, at(p, 'govern,'), /initiatives\[2\]\.raises\[0\]\.dimension: unknown dimension "govern"/);
    });
    itBroken('a dependency on an initiative that does not exist', MODEL, [['dependsOn: [name-owners, build-warehouse]', 'dependsOn: [name-owner, build-warehouse]']], (p) => {
      expectProblem(p, at(p, 'name-owner,'), /unknown initiative "name-owner"; did you mean "name-owners"\?/);
    });
    itBroken(
      'a dependency cycle, refused at validation',
      MODEL,
      [['    effort: small\n  - id: build-warehouse', '    effort: small\n    dependsOn: [standard-reports]\n  - id: build-warehouse']],
      (p) => {
        // The cycle is reported once, at the dependencies of its first member.
        expectProblem(p, at(p, '[inventory-data]'), /initiatives\[1\]\.dependsOn: dependency cycle: build-warehouse -> inventory-data -> standard-reports -> build-warehouse; remove one/);
      },
    );
    itBroken('a level descriptor missing for a scale level', MODEL, [['"5": Predictive analysis.', '"6": Predictive analysis.']], (p) => {
      const r = validated(p);
      expect(r.stdout).toMatch(/has no descriptor for level 5/);
      expect(r.stdout).toContain(`${p}:${at(p, '"6"')}: dimensions[2].levels.6: level 6 is not on the scale (1, 2, 3, 4, 5)`);
    });
    itBroken('a schema error points at the value', MODEL, [['    weight: 2\n', '    weight: heavy\n']], (p) => {
      expectProblem(p, at(p, 'heavy'), /dimensions\[1\]\.weight: must be a number, got string "heavy"/);
    });
    itBroken('an unknown key points at the key', MODEL, [['  parallel: 2\n', '  parallel: 2\n  paralel: 3\n']], (p) => {
      expectProblem(p, at(p, 'paralel'), /roadmap\.paralel: unknown key "paralel"/);
    });
  });

  describe('questionnaire rules', () => {
    itBroken('a question measuring an unknown dimension', QUESTIONNAIRE, [['dimension: literacy', 'dimension: literate']], (p) => {
      expectProblem(p, at(p, 'literate'), /unknown dimension "literate"; did you mean "literacy"\?/);
    });
    itBroken('a condition that looks at a later question', QUESTIONNAIRE, [['when: {question: data-owners, notIn: [none]}', 'when: {question: who-uses, in: [few]}']], (p) => {
      expectProblem(p, at(p, 'who-uses,'), /"who-uses" comes later; conditions may only look at earlier questions/);
    });
    itBroken('a condition that looks at its own question', QUESTIONNAIRE, [['when: {question: data-owners, notIn: [none]}', 'when: {question: quality-rules, in: ["yes"]}']], (p) => {
      expectProblem(p, at(p, 'quality-rules,'), /cannot depend on its own answer/);
    });
    itBroken('a condition naming an option the earlier question does not have', QUESTIONNAIRE, [['notIn: [none]', 'notIn: [nobody]']], (p) => {
      expectProblem(p, at(p, 'nobody'), /"data-owners" has no option "nobody" \(options: none, some, all, na, dontKnow\)/);
    });
    itBroken('duplicate question ids across sections', QUESTIONNAIRE, [['      - id: who-uses', '      - id: where-data']], (p) => {
      expectProblem(p, at(p, 'where-data', 2), /duplicate question id "where-data" \(first used in section "foundations"\)/);
    });
    itBroken('an option level that is not on the model scale', QUESTIONNAIRE, [['{id: sheets, level: 1,', '{id: sheets, level: 0,']], (p) => {
      expectProblem(p, at(p, 'level: 0', 1, 7), /0 is not on the model's scale, which runs from 1 to 5/);
    });
    itBroken('a reserved option id', QUESTIONNAIRE, [['{id: none, level: 1, label: No}', '{id: na, level: 1, label: No}']], (p) => {
      expectProblem(p, at(p, 'na,'), /"na" is reserved/);
    });
    itBroken(
      'a text with a language key that is not a language code points at the key and says what is expected',
      QUESTIONNAIRE,
      [
        ['title: Data maturity check', 'title: {english: Data maturity check}'],
        ['    title: Foundations', '    title: {en: Foundations, "en,de": Grundlagen}'],
        ['label: In spreadsheets}', 'label: {EN: In spreadsheets}}'],
      ],
      (p) => {
        const r = validated(p);
        expect(r.code).toBe(2);
        expect(r.stdout.trim().split('\n')).toEqual([
          `${p}:${at(p, 'english')}: title: "english" is not a language code; use a code such as "en" or "de"`,
          `${p}:${at(p, '"en,de"')}: sections[0].title: "en,de" is not a language code; give each language a key of its own (en: ..., de: ...)`,
          `${p}:${at(p, 'EN:')}: sections[0].questions[0].options[0].label: "EN" is not a language code; did you mean "en"?`,
        ]);
      },
    );
    itBroken('a model reference that does not resolve', QUESTIONNAIRE, [['model: ./data-maturity.yaml', 'model: ./data-maturty.yaml']], (p) => {
      const r = validated(p);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/data-maturty\.yaml: .*no such file/);
    });
  });

  describe('answers rules', () => {
    itBroken('an answer to a question the questionnaire does not have', ANSWERS, [['      reporting: standard', '      reportng: standard']], (p) => {
      expectProblem(p, at(p, 'reportng'), /respondents\[2\]\.answers\.reportng: unknown question "reportng"; did you mean "reporting"\?/);
    });
    itBroken('an option the question does not have', ANSWERS, [['      where-data: sheets', '      where-data: sheet']], (p) => {
      expectProblem(p, at(p, 'sheet\n'), /"where-data" has no option "sheet"; did you mean "sheets"\? \(options: sheets, databases, warehouse, platform, na, dontKnow\)/);
    });
    itBroken('an option written in the long form', ANSWERS, [['{option: some, note:', '{option: several, note:']], (p) => {
      expectProblem(p, at(p, 'several'), /respondents\[0\]\.answers\.data-owners\.option: "data-owners" has no option "several"/);
    });
    itBroken('"na" where the question does not allow it', ANSWERS, [['      quality-rules: "yes"\n      reporting: dashboards', '      quality-rules: na\n      reporting: dashboards']], (p) => {
      expectProblem(p, at(p, 'na\n'), /"quality-rules" does not allow "na"/);
    });
    itBroken('answers for another version of the questionnaire', ANSWERS, [['  version: 1.2.0', '  version: 1.1.0']], (p) => {
      expectProblem(p, at(p, '1.1.0'), /answers were given against data-check version 1\.1\.0, but the questionnaire is version 1\.2\.0/);
    });
    itBroken('a target for an unknown dimension, and one off the scale', ANSWERS, [['  literacy: 4', '  literacy: 9\n  litracy: 3']], (p) => {
      const r = validated(p);
      expect(r.stdout).toContain(`${p}:${at(p, '9')}: targets.literacy: must be between 1 and 5`);
      expect(r.stdout).toContain(`${p}:${at(p, 'litracy')}: targets.litracy: unknown dimension "litracy"`);
    });
    itBroken('duplicate respondent names', ANSWERS, [['  - name: Jo Park', '  - name: Kim Lee']], (p) => {
      expectProblem(p, at(p, 'Kim Lee', 2), /duplicate respondent name "Kim Lee"/);
    });
  });

  // A small valid model beside the broken files: the built-in one is checked above, and costs a second to read.
  const valid = join(source, MODEL);

  it('prints every problem, in every file, and exits 2', () => {
    const p = broken(ANSWERS, [
      ['      where-data: sheets', '      where-data: sheet'],
      ['      reporting: standard', '      reportng: standard'],
    ]);
    const m = broken(MODEL, [['    weight: 2\n', '    weight: heavy\n']]);
    const d = broken(ANSWERS, [['  date: 2025-06-30', '  date: 2025-02-30']]);
    const r = itaas(['validate', p, m, d, valid]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => /^\S+\.yaml:\d+:\d+: /.test(l))).toBe(true);
    expect(r.stdout).toMatch(/assessment\.date: is not a real calendar date/);
    expect(r.stderr).toMatch(/4 problems in 3 of 4 files/);
    expect(r.stderr).toContain(`ok  ${valid} (model)`);
  });

  it('--json gives one document with every problem', () => {
    const p = broken(ANSWERS, [['      where-data: sheets', '      where-data: sheet']]);
    const r = itaas(['validate', '--json', p, valid]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { valid: boolean; files: Array<{ file: string; kind: string; valid: boolean; problems: Array<{ line: number; col: number; message: string }> }> };
    expect(doc.valid).toBe(false);
    expect(doc.files.map((f) => [f.kind, f.valid])).toEqual([
      ['answers', false],
      ['model', true],
    ]);
    const [line, col] = at(p, 'sheet\n').split(':').map(Number);
    expect(doc.files[0]!.problems).toEqual([expect.objectContaining({ line, col, severity: 'error' })]);
  });

  const other = join(tempDir(), 'other.yaml');
  writeFileSync(other, 'name: something else\n');
  batch.push(other);
  it('says what to do with a file of no known kind', () => {
    const r = validated(other);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${other}:1:1: cannot tell what this file is; add "kind: model"`);
  });
});

describe('an answer naming an option the question does not have', () => {
  const a = join(tempDir(), 'a.yaml');
  const text = readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8').replace('        option: by-application', '        option: by-aplication');
  writeFileSync(a, text.replace('../schemas/', `${root}/schemas/`));
  batch.push(a);
  it('lists only the answers that question accepts (no "na" where it is turned off)', () => {
    const r = validated(a);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('"it-cost-model" has no option "by-aplication"; did you mean "by-application"? (options: total-only, by-category, by-application, per-service, unit-costs, dontKnow)');
  });
});
