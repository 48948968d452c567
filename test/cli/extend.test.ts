import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, linesNaming, runTogether, tempDir } from '../helpers.js';

const base = join(fixtures, 'authoring', 'base.yaml');

/** Writes an extending questionnaire (after the given YAML lines) into a fresh folder and returns its path. */
function extending(body: string, header = `extends: ${JSON.stringify(base)}`): string {
  const dir = tempDir();
  const file = join(dir, 'custom.yaml');
  writeFileSync(file, `kind: questionnaire\nid: custom\nversion: 2.0.0\n${header}\n${body}`);
  return file;
}

/** The question ids of `questionnaire show`, in interview order. */
function questionIds(stdout: string): string[] {
  return [...stdout.matchAll(/^ {3}\d+\.\d+ .*\[([a-z0-9-]+)\]$/gm)].map((m) => m[1]!);
}
function sectionIds(stdout: string): string[] {
  return [...stdout.matchAll(/^\d+\. .*\[([a-z0-9-]+)\]$/gm)].map((m) => m[1]!);
}

const option = (id: string, level: number) => `{id: ${id}, level: ${level}, label: ${id}}`;
const question = (id: string, dimension = 'automation', indent = '      ') =>
  [`id: ${id}`, `dimension: ${dimension}`, `text: Question ${id}?`, 'options:', ...[0, 1, 2, 3, 4].map((l) => `  - ${option(`o${l}`, l)}`)].map((l, i) => (i === 0 ? l : indent + l)).join('\n');

// Every file below that validate should accept goes through one run, every one it should refuse through another.
const accepted = runTogether(['validate']);
const refused = runTogether(['validate']);

/** validate found no problem in the file: none of its lines on stdout, and its "ok" on stderr. */
function expectAccepted(file: string, kind: string) {
  const run = accepted.run();
  expect(linesNaming(run.stdout, file)).toBe('');
  expect(run.stderr).toContain(`ok  ${file} (${kind})`);
}

describe('extending a questionnaire', () => {
  const unchanged = accepted.add(extending(''));
  it('with no changes keeps every section and question, under its own id and version', () => {
    const r = itaas(['questionnaire', 'show', unchanged]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Base questionnaire\ncustom 2\.0\.0 /);
    expect(questionIds(r.stdout)).toEqual(['scripts', 'pipelines', 'catalogue-exists', 'catalogue-prices']);
    expectAccepted(unchanged, 'questionnaire');
  });

  it('adds a question after another, one at the end of a section, and a new section after another', () => {
    const file = extending(
      [
        'add:',
        '  - into: auto',
        '    after: scripts',
        `    question:\n      ${question('runbooks', 'automation', '      ')}`,
        '  - into: catalogue',
        `    question:\n      ${question('catalogue-owners', 'service-catalogue', '      ')}`,
        '  - after: auto',
        '    section:',
        '      id: extra',
        '      title: Extra',
        '      questions:',
        `        - ${question('extra-one', 'automation', '          ')}`,
      ].join('\n'),
    );
    const r = itaas(['questionnaire', 'show', file]);
    expect(r.stderr).toBe('');
    expect(sectionIds(r.stdout)).toEqual(['auto', 'extra', 'catalogue']);
    expect(questionIds(r.stdout)).toEqual(['scripts', 'runbooks', 'pipelines', 'extra-one', 'catalogue-exists', 'catalogue-prices', 'catalogue-owners']);
  });

  it('replaces a question in its place and a whole section', () => {
    const file = extending(
      [
        'replace:',
        '  - question:',
        '      id: pipelines',
        '      dimension: automation',
        '      text: Does a pipeline deploy every change?',
        '      options:',
        `        - ${option('no', 0)}`,
        `        - ${option('yes', 4)}`,
        '  - section:',
        '      id: catalogue',
        '      title: Catalogue, rewritten',
        '      questions:',
        `        - ${question('catalogue-new', 'service-catalogue', '          ')}`,
      ].join('\n'),
    );
    const r = itaas(['questionnaire', 'show', file]);
    expect(r.stderr).toBe('');
    expect(questionIds(r.stdout)).toEqual(['scripts', 'pipelines', 'catalogue-new']);
    expect(r.stdout).toContain('Does a pipeline deploy every change?');
    expect(r.stdout).not.toContain('Are scripts run from a pipeline?');
    expect(r.stdout).toContain('Catalogue, rewritten');
  });

  it('drops a question and a whole section', () => {
    const file = extending('drop: [catalogue-prices, auto]');
    const r = itaas(['questionnaire', 'show', file]);
    expect(r.stderr).toBe('');
    expect(sectionIds(r.stdout)).toEqual(['catalogue']);
    expect(questionIds(r.stdout)).toEqual(['catalogue-exists']);
  });

  const acme = tempDir();
  writeFileSync(join(acme, 'acme.yaml'), 'kind: questionnaire\nid: acme\nversion: 1.0.0\nextends: itaas-core\ndrop: [consolidation-ratio]\n');
  writeFileSync(
    accepted.add(join(acme, 'answers.yaml')),
    [
      'kind: answers',
      'questionnaire: {id: acme, version: 1.0.0, path: acme.yaml}',
      'assessment: {organisation: Acme, date: 2025-01-02}',
      'respondents:',
      '  - name: Dana',
      '    answers: {server-virtualization-share: most}',
    ].join('\n'),
  );
  // An answer to the dropped question is no longer known.
  writeFileSync(
    refused.add(join(acme, 'old.yaml')),
    'kind: answers\nquestionnaire: {id: acme, version: 1.0.0, path: acme.yaml}\nassessment: {organisation: Acme, date: 2025-01-02}\nrespondents:\n  - name: Dana\n    answers: {consolidation-ratio: from-15-to-30}\n',
  );
  it('extends the built-in questionnaire by id, and reports answers given against the extension', () => {
    const show = itaas(['questionnaire', 'show', join(acme, 'acme.yaml')]);
    expect(show.code).toBe(0);
    expect(show.stdout).not.toContain('[consolidation-ratio]');
    expect(show.stdout).toContain('[server-virtualization-share]');
    expectAccepted(join(acme, 'answers.yaml'), 'answers');
    const rep = itaas(['report', join(acme, 'answers.yaml'), '--out', join(acme, 'out'), '--format', 'json']);
    expect(rep.stderr).not.toMatch(/error/);
    expect(rep.code).toBe(0);
    const v = refused.run();
    expect(v.code).toBe(2);
    expect(linesNaming(v.stdout, join(acme, 'old.yaml'))).toMatch(/old\.yaml:6:\d+: .*unknown question "consolidation-ratio"/);
  });

  describe('says exactly what is wrong, at the line of the extending file', () => {
    // Every broken file goes through one `itaas validate` (each in a folder of its own); each test reads
    // the lines that name its own file.
    const check = (body: string, line: number, message: RegExp) => {
      const file = refused.add(extending(body));
      return () => {
        const run = refused.run();
        expect(run.code).toBe(2);
        expect(linesNaming(run.stdout, file)).toMatch(new RegExp(`custom\\.yaml:${line}:\\d+: ${message.source}`));
      };
    };

    it('dropping an unknown id, with a suggestion', check('drop:\n  - catalog', 6, /drop\[0\]: the extended questionnaire has no question or section "catalog"; did you mean "catalogue"\?/));
    it('dropping a question that another one depends on', check('drop: [scripts]', 5, /drop\[0\]: question "pipelines" is shown only depending on the answer to "scripts", which is dropped/));
    it(
      'dropping every question of a section',
      check('drop: [catalogue-exists, catalogue-prices]', 5, /drop\[1\]: dropping "catalogue-prices" leaves section "catalogue" without questions; drop the section instead/),
    );
    it(
      'replacing a question that is not there',
      check(
        `replace:\n  - question:\n      ${question('scriptz', 'automation', '      ')}`,
        7,
        /replace\[0\]\.question\.id: the extended questionnaire has no question "scriptz"; did you mean "scripts"\?; to add a new question, use "add"/,
      ),
    );
    it(
      'adding a question whose id is taken',
      check(
        `add:\n  - into: auto\n    question:\n      ${question('scripts', 'automation', '      ')}`,
        8,
        /add\[0\]\.question\.id: there already is a question "scripts" \(in section "auto"\); to change it, use "replace"/,
      ),
    );
    it(
      'adding into an unknown section',
      check(`add:\n  - into: autom\n    question:\n      ${question('new-one', 'automation', '      ')}`, 6, /add\[0\]\.into: no section "autom"; did you mean "auto"\?/),
    );
    it(
      'an added question on a dimension the model does not have',
      check(
        `add:\n  - into: auto\n    question:\n      ${question('new-one', 'automatoin', '      ')}`,
        9,
        /add\[0\]\.question\.dimension: unknown dimension "automatoin"; did you mean "automation"\?/,
      ),
    );
  });

  const unknownBase = refused.add(extending('', 'extends: nope'));
  const sectionsBeside = refused.add(extending(`sections:\n  - id: s\n    title: S\n    questions:\n      - ${question('q1', 'automation', '        ')}`));
  const changesAlone = refused.add(extending('title: T\nmodel: itaas\ndrop: [x]\nsections: []', ''));
  it('refuses an unknown base, sections beside extends, and changes without extends', () => {
    const r = refused.run();
    expect(r.code).toBe(2);
    expect(linesNaming(r.stdout, unknownBase)).toMatch(/custom\.yaml:4:10: extends: no built-in questionnaire "nope" \(built-in: itaas-core\)/);
    expect(linesNaming(r.stdout, sectionsBeside)).toMatch(/custom\.yaml:6:\d+: sections: a questionnaire that extends another changes it with drop, replace and add/);
    expect(linesNaming(r.stdout, changesAlone)).toMatch(/custom\.yaml:\d+:\d+: drop: only works together with "extends:"/);
  });

  const cycle = tempDir();
  writeFileSync(refused.add(join(cycle, 'a.yaml')), 'kind: questionnaire\nid: a\nversion: 1.0.0\nextends: ./b.yaml\n');
  writeFileSync(join(cycle, 'b.yaml'), 'kind: questionnaire\nid: b\nversion: 1.0.0\nextends: ./a.yaml\n');
  it('refuses a questionnaire that extends itself through another', () => {
    const r = refused.run();
    expect(r.code).toBe(2);
    expect(linesNaming(r.stdout, join(cycle, 'a.yaml'))).not.toBe('');
    expect(linesNaming(r.stdout, join(cycle, 'b.yaml'))).toMatch(/extends itself/);
  });
});
