import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, tempDir } from '../helpers.js';

const base = join(fixtures, 'authoring', 'base.yaml');
const model = join(fixtures, 'authoring', 'model.yaml');

/** A changed copy of the small base questionnaire, validated with --strict. */
function strict(change: (yaml: string) => string, file = base): { code: number | null; out: string; warnings: string[] } {
  const dir = tempDir();
  const target = join(dir, file === base ? 'q.yaml' : 'm.yaml');
  writeFileSync(target, change(readFileSync(file, 'utf8')).replace('model: ./model.yaml', `model: ${JSON.stringify(model)}`));
  const r = itaas(['validate', '--strict', target]);
  return { code: r.code, out: r.stdout, warnings: r.stdout.split('\n').filter((l) => l.includes(': warning: ')) };
}

describe('validate --strict', () => {
  it('finds nothing to warn about in the small fixtures or the built-in model and questionnaire', () => {
    const r = itaas(['validate', '--strict', base, model, 'models/itaas.yaml', 'questionnaires/itaas-core.yaml']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
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
    const r = strict((y) => y.replace(/ {6}- id: catalogue-prices[\s\S]*$/, ''));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /q\.yaml:36:\d+: warning: sections\[1\]\.questions\[0\]\.dimension: "catalogue-exists" is the only question measuring dimension "service-catalogue", so one answer decides its score; add a second question/,
      ),
    ]);
  });

  it('warns about a dimension without questions, naming the initiatives that can then never be selected', () => {
    const r = strict((y) => y.replace(/ {2}- id: catalogue\n[\s\S]*$/, ''));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      expect.stringMatching(/q\.yaml:8:\d+: warning: model: no question measures dimension "service-catalogue", so it is never scored and no gap can select the 2 initiatives that raise it/),
    ]);
  });

  it('warns about options that leave levels of the scale uncovered', () => {
    const r = strict((y) => y.replace('          - {id: some, level: 2, label: Some}\n', ''));
    expect(r.warnings).toEqual([expect.stringMatching(/q\.yaml:17:\d+: warning: sections\[0\]\.questions\[0\]\.options: no option of "scripts" gives level 2 of the scale \(0, 1, 2, 3, 4\)/)]);
  });

  it('warns about a condition that can never hold', () => {
    const r = strict((y) => y.replace('notIn: [none]', 'notIn: [none, little, some, most, all, na, dontKnow]'));
    expect(r.warnings).toEqual([expect.stringMatching(/q\.yaml:24:\d+: warning: sections\[0\]\.questions\[1\]\.when: this condition can never hold, so question "pipelines" is never asked/)]);
  });

  it('sees that a condition on a question that is itself never asked cannot hold', () => {
    const r = strict((y) =>
      y
        .replace('notIn: [none]', 'in: [none]')
        .replace(
          '        text: Does the catalogue show prices?',
          '        when: {all: [{question: pipelines, in: [always]}, {question: scripts, in: [all]}]}\n        text: Does the catalogue show prices?',
        ),
    );
    expect(r.warnings).toEqual([expect.stringMatching(/warning: sections\[1\]\.questions\[1\]\.when: this condition can never hold, so question "catalogue-prices" is never asked/)]);
  });

  it('warns about a section that can never be shown', () => {
    const r = strict((y) => y.replace('    title: Service catalogue\n', '    title: Service catalogue\n    when: {question: scripts, in: [none]}\n'));
    // The section is shown when scripts is "none": reachable, so no warning.
    expect(r.warnings).toEqual([]);
    const never = strict((y) => y.replace('    title: Service catalogue\n', '    title: Service catalogue\n    when: {all: [{question: scripts, in: [none]}, {question: pipelines, in: [always]}]}\n'));
    expect(never.warnings).toContainEqual(expect.stringMatching(/q\.yaml:34:\d+: warning: sections\[1\]\.when: this condition can never hold, so section "catalogue" is never shown/));
    expect(never.warnings).toContainEqual(
      expect.stringMatching(/warning: model: no gap can select initiative "publish-catalogue" of the model with this questionnaire \(no question that can be asked measures service-catalogue\)/),
    );
  });

  it('warns about a section none of whose questions can be asked', () => {
    const r = strict((y) =>
      y
        .replace('        text: Is there a service catalogue?', '        when: {question: scripts, notIn: [none, little, some, most, all, na, dontKnow]}\n        text: Is there a service catalogue?')
        .replace('        text: Does the catalogue show prices?', '        when: {question: catalogue-exists, in: [none]}\n        text: Does the catalogue show prices?'),
    );
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]\.questions\[0\]\.when: this condition can never hold, so question "catalogue-exists" is never asked/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]\.questions\[1\]\.when: this condition can never hold, so question "catalogue-prices" is never asked/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/warning: sections\[1\]: section "catalogue" is never shown: none of its questions can ever be asked/));
  });

  it('warns about initiatives no gap can ever select', () => {
    // Every answer on the service catalogue gives level 2 or more, so "publish-catalogue" (0 -> 2) is never needed.
    const r = strict((y) =>
      y
        .replace('          - {id: none, level: 0, label: No}\n          - {id: list, level: 1, label: A list of systems}\n', '')
        .replace('          - {id: none, level: 0, label: No}\n          - {id: some, level: 1, label: For a few services}\n', ''),
    );
    expect(r.warnings).toContainEqual(
      expect.stringMatching(
        /q\.yaml:8:\d+: warning: model: no gap can select initiative "publish-catalogue" of the model with this questionnaire \(no answer on service-catalogue gives a level below 2\), so it never reaches a roadmap/,
      ),
    );
  });

  it('warns about a model dimension that no initiative raises over part of its range', () => {
    const r = strict((y) => y.replace('    raises: [{dimension: automation, from: 0, to: 2}]', '    raises: [{dimension: automation, from: 1, to: 2}]'), model);
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([expect.stringMatching(/m\.yaml:\d+:\d+: warning: dimensions\[0\]\.id: no initiative raises dimension "automation" from level 0 to the next level/)]);
  });

  it('checks an extending questionnaire after its changes, pointing into the extending file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.yaml'), `kind: questionnaire\nid: x\nversion: 1.0.0\nextends: ${JSON.stringify(base)}\ndrop: [catalogue-prices]\n`);
    const r = itaas(['validate', '--strict', join(dir, 'x.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /base\.yaml:\d+:\d+: warning: .*"catalogue-exists" is the only question measuring dimension "service-catalogue".*\(in the questionnaire that .*x\.yaml extends, after its changes\)/,
    );
  });
});
