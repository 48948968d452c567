import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas } from '../helpers.js';
import { authoringBase, questionnaireDir } from '../interview-fixtures.js';

const answers = (hash: string) =>
  `kind: answers\nquestionnaire: {id: base, version: 1.0.0, hash: "${hash}", path: q.yaml}\nassessment: {organisation: Acme, date: 2025-01-02}\nrespondents:\n  - name: Dana\n    answers: {scripts: some}\n`;

describe('the questionnaire content hash', () => {
  it('lets validate and report warn when the questionnaire changed without a new version', () => {
    const { dir, hash } = questionnaireDir(authoringBase);
    writeFileSync(join(dir, 'a.yaml'), answers(hash));
    let v = itaas(['validate', join(dir, 'a.yaml')]);
    expect(v.stdout).toBe('');
    expect(v.code).toBe(0);

    writeFileSync(join(dir, 'q.yaml'), authoringBase.replace('{id: some, level: 2, label: Some}', '{id: some, level: 3, label: Some}'));
    v = itaas(['validate', join(dir, 'a.yaml')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(
      /a\.yaml:2:\d+: warning: questionnaire\.hash: answers were given against a different text of base version 1\.0\.0: the questionnaire was changed since, without a new version number/,
    );
    const r = itaas(['report', join(dir, 'a.yaml'), '--out', join(dir, 'out'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: questionnaire\.hash: answers were given against a different text of base version 1\.0\.0/);
  });

  it('leaves the version mismatch an error', () => {
    const { dir, hash } = questionnaireDir(authoringBase);
    writeFileSync(join(dir, 'a.yaml'), answers(hash).replace('version: 1.0.0', 'version: 0.9.0'));
    const v = itaas(['validate', join(dir, 'a.yaml')]);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/answers were given against base version 0\.9\.0, but the questionnaire is version 1\.0\.0/);
  });
});
