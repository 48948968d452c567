import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, runTogether, tempDir } from '../helpers.js';

const base = join(fixtures, 'authoring', 'base.yaml');
const model = join(fixtures, 'authoring', 'model.yaml');
// The built-in model and questionnaire are checked with --strict in validate.test.ts, which reads them anyway.
const clean = [base, model];

/**
 * Every file below goes through one `itaas validate --strict` run (which prints every warning of every file it is
 * given, each line starting with the file it is about); each test reads the lines that name its own file's folder.
 */
const together = runTogether(['validate', '--strict']);
for (const file of clean) together.add(file);
const run = together.run;
/** The changed files, each in a folder of its own. */
const changed: string[] = [];

/** A changed copy of the small base questionnaire (or its model), in a folder of its own, to be validated with --strict. */
function strict(change: (yaml: string) => string, file = base): string {
  const dir = tempDir();
  const target = join(dir, file === base ? 'q.yaml' : 'm.yaml');
  writeFileSync(target, change(readFileSync(file, 'utf8')).replace('model: ./model.yaml', `model: ${JSON.stringify(model)}`));
  changed.push(together.add(target));
  return target;
}

/** What the run said about one file: the exit code of the whole run, the lines about that file, its warnings. */
function said(target: string): { code: number | null; out: string; warnings: string[]; all: string } {
  const r = run();
  const lines = r.stdout.split('\n').filter((l) => l.includes(`${dirname(target)}/`));
  return { code: r.code, out: lines.join('\n'), warnings: lines.filter((l) => l.includes(': warning: ')), all: r.stdout + r.stderr };
}

describe('validate --strict', () => {
  const single = strict((y) => y.replace(/ {6}- id: catalogue-prices[\s\S]*$/, ''));
  const unmeasured = strict((y) => y.replace(/ {2}- id: catalogue\n[\s\S]*$/, ''));
  const uncovered = strict((y) => y.replace('          - {id: some, level: 2, label: Some}\n', ''));
  const never = strict((y) => y.replace('notIn: [none]', 'notIn: [none, little, some, most, all, na, dontKnow]'));
  const neverAsked = strict((y) =>
    y
      .replace('notIn: [none]', 'in: [none]')
      .replace(
        '        text: Does the catalogue show prices?',
        '        when: {all: [{question: pipelines, in: [always]}, {question: scripts, in: [all]}]}\n        text: Does the catalogue show prices?',
      ),
  );
  const sectionShown = strict((y) => y.replace('    title: Service catalogue\n', '    title: Service catalogue\n    when: {question: scripts, in: [none]}\n'));
  const sectionNever = strict((y) =>
    y.replace('    title: Service catalogue\n', '    title: Service catalogue\n    when: {all: [{question: scripts, in: [none]}, {question: pipelines, in: [always]}]}\n'),
  );
  const sectionEmpty = strict((y) =>
    y
      .replace('        text: Is there a service catalogue?', '        when: {question: scripts, notIn: [none, little, some, most, all, na, dontKnow]}\n        text: Is there a service catalogue?')
      .replace('        text: Does the catalogue show prices?', '        when: {question: catalogue-exists, in: [none]}\n        text: Does the catalogue show prices?'),
  );
  // Every answer on the service catalogue gives level 2 or more, so "publish-catalogue" (0 -> 2) is never needed.
  const unneeded = strict((y) =>
    y
      .replace('          - {id: none, level: 0, label: No}\n          - {id: list, level: 1, label: A list of systems}\n', '')
      .replace('          - {id: none, level: 0, label: No}\n          - {id: some, level: 1, label: For a few services}\n', ''),
  );
  const unraised = strict((y) => y.replace('    raises: [{dimension: automation, from: 0, to: 2}]', '    raises: [{dimension: automation, from: 1, to: 2}]'), model);
  // The extending questionnaire extends a copy of the base in its own folder, so that the lines about it are told apart.
  const extending = join(tempDir(), 'x.yaml');
  const copied = join(dirname(extending), 'base.yaml');
  writeFileSync(copied, readFileSync(base, 'utf8').replace('model: ./model.yaml', `model: ${JSON.stringify(model)}`));
  writeFileSync(extending, `kind: questionnaire\nid: x\nversion: 1.0.0\nextends: ${JSON.stringify(copied)}\ndrop: [catalogue-prices]\n`);
  changed.push(together.add(extending));

  it('finds nothing to warn about in the small fixtures', () => {
    const r = run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => clean.some((f) => l.startsWith(`${f}:`)))).toEqual([]);
    // Nothing else is said either: every line is about one of the changed files.
    expect(r.stdout.split('\n').filter((l) => l && !changed.some((f) => l.includes(`${dirname(f)}/`)))).toEqual([]);
  });

  it('without --strict says nothing about smells', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'q.yaml'),
      readFileSync(base, 'utf8')
        .replace('model: ./model.yaml', `model: ${JSON.stringify(model)}`)
        .replace('notIn: [none]', 'notIn: [none, little, some, most, all, na, dontKnow]'),
    );
    const r = itaas(['validate', join(dir, 'q.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('warns about a dimension with a single question, and keeps exit code 0', () => {
    const r = said(single);
    expect(r.code, r.all).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /q\.yaml:36:\d+: warning: sections\[1\]\.questions\[0\]\.dimension: "catalogue-exists" is the only question measuring dimension "service-catalogue", so one answer decides its score; add a second question/,
      ),
    ]);
  });

  it('warns about a dimension without questions, naming the initiatives that can then never be selected', () => {
    const r = said(unmeasured);
    expect(r.code, r.all).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(/q\.yaml:8:\d+: warning: model: no question measures dimension "service-catalogue", so it is never scored and no gap can select the 2 initiatives that raise it/),
    ]);
  });

  it('warns about options that leave levels of the scale uncovered', () => {
    expect(said(uncovered).warnings).toEqual([
      expect.stringMatching(/q\.yaml:17:\d+: warning: sections\[0\]\.questions\[0\]\.options: no option of "scripts" gives level 2 of the scale \(0, 1, 2, 3, 4\)/),
    ]);
  });

  it('warns about a condition that can never hold', () => {
    expect(said(never).warnings).toEqual([
      expect.stringMatching(/q\.yaml:24:\d+: warning: sections\[0\]\.questions\[1\]\.when: this condition can never hold, so question "pipelines" is never asked/),
    ]);
  });

  it('sees that a condition on a question that is itself never asked cannot hold', () => {
    expect(said(neverAsked).warnings).toEqual([expect.stringMatching(/warning: sections\[1\]\.questions\[1\]\.when: this condition can never hold, so question "catalogue-prices" is never asked/)]);
  });

  it('warns about a section that can never be shown', () => {
    // The section is shown when scripts is "none": reachable, so no warning.
    expect(said(sectionShown).warnings).toEqual([]);
    const r = said(sectionNever);
    expect(r.warnings).toContainEqual(expect.stringMatching(/q\.yaml:34:\d+: warning: sections\[1\]\.when: this condition can never hold, so section "catalogue" is never shown/));
    expect(r.warnings).toContainEqual(
      expect.stringMatching(/warning: model: no gap can select initiative "publish-catalogue" of the model with this questionnaire \(no question that can be asked measures service-catalogue\)/),
    );
  });

  it('warns about a section none of whose questions can be asked', () => {
    const r = said(sectionEmpty);
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]\.questions\[0\]\.when: this condition can never hold, so question "catalogue-exists" is never asked/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]\.questions\[1\]\.when: this condition can never hold, so question "catalogue-prices" is never asked/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]: section "catalogue" is never shown: none of its questions can ever be asked/));
  });

  it('warns about initiatives no gap can ever select', () => {
    expect(said(unneeded).warnings).toContainEqual(
      expect.stringMatching(
        /q\.yaml:8:\d+: warning: model: no gap can select initiative "publish-catalogue" of the model with this questionnaire \(no answer on service-catalogue gives a level below 2\), so it never reaches a roadmap/,
      ),
    );
  });

  it('warns about a model dimension that no initiative raises over part of its range', () => {
    const r = said(unraised);
    expect(r.code, r.all).toBe(0);
    expect(r.warnings).toEqual([expect.stringMatching(/m\.yaml:\d+:\d+: warning: dimensions\[0\]\.id: no initiative raises dimension "automation" from level 0 to the next level/)]);
  });

  it('checks an extending questionnaire after its changes, pointing into the extending file', () => {
    const r = said(extending);
    expect(r.code, r.all).toBe(0);
    expect(r.out).toMatch(
      /base\.yaml:\d+:\d+: warning: .*"catalogue-exists" is the only question measuring dimension "service-catalogue".*\(in the questionnaire that .*x\.yaml extends, after its changes\)/,
    );
  });
});
