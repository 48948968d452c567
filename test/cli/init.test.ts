import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

/** Removes the "# " in front of the commented example blocks (from "# drop:" etc. to the next blank line). */
function uncommentExamples(text: string): string {
  const lines = text.split('\n');
  let on = false;
  return lines
    .map((l) => {
      if (/^# (drop|replace|add):$/.test(l)) on = true;
      else if (l.trim() === '') on = false;
      return on ? l.replace(/^# /, '') : l;
    })
    .join('\n');
}

const schemaLine = (text: string) => /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];

describe('itaas init', () => {
  it('writes a questionnaire that extends the built-in one and validates cleanly, even with --strict', () => {
    const dir = tempDir();
    const r = itaas(['init', 'questionnaire', 'acme-itaas'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote acme-itaas.yaml');
    const text = readFileSync(join(dir, 'acme-itaas.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# Editor completion: save the schema with `npx itaas schema questionnaire/);
    expect(text).toMatch(/^id: acme-itaas$/m);
    expect(text).toMatch(/^extends: itaas-core$/m);
    const v = itaas(['validate', '--strict', 'acme-itaas.yaml'], { cwd: dir });
    expect(v.stdout).toBe('');
    expect(v.code).toBe(0);
  });

  it('points the editor at a schema file that exists by a relative path, and never by an absolute one', () => {
    const dir = tempDir();
    itaas(['init', 'questionnaire', 'outside'], { cwd: dir });
    const outsideText = readFileSync(join(dir, 'outside.yaml'), 'utf8');
    expect(schemaLine(outsideText)).toBeUndefined();
    expect(outsideText).not.toContain(root);
    expect(outsideText.split('\n')[0]).toBe('# Editor completion: save the schema with `npx itaas schema questionnaire > questionnaire.schema.json` and name it in a $schema line here.');

    // A project with itaas in its node_modules: relative to the installed package.
    const project = tempDir();
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'itaas'));
    mkdirSync(join(project, 'assessments'));
    itaas(['init', 'questionnaire', 'acme', '--out', join('assessments', 'acme.yaml')], { cwd: project });
    const installed = schemaLine(readFileSync(join(project, 'assessments', 'acme.yaml'), 'utf8'))!;
    expect(installed).toBe('../node_modules/itaas/schemas/questionnaire.schema.json');
    expect(JSON.parse(readFileSync(join(project, 'assessments', installed), 'utf8')).title).toBe('itaas questionnaire');

    const inside = join(root, 'test', 'fixtures', `.init-${process.pid}.yaml`);
    try {
      expect(itaas(['init', 'model', 'inside', '--out', inside]).code).toBe(0);
      const ref = schemaLine(readFileSync(inside, 'utf8'))!;
      expect(ref).toBe('../../schemas/model.schema.json');
      expect(existsSync(resolve(dirname(inside), ref))).toBe(true);
    } finally {
      rmSync(inside, { force: true });
    }
  });

  it('shows drop, replace and add examples that work once uncommented', () => {
    const dir = tempDir();
    itaas(['init', 'questionnaire', 'acme'], { cwd: dir });
    writeFileSync(join(dir, 'acme.yaml'), uncommentExamples(readFileSync(join(dir, 'acme.yaml'), 'utf8')));
    const v = itaas(['validate', '--strict', 'acme.yaml'], { cwd: dir });
    expect(v.stdout).toBe('');
    expect(v.code).toBe(0);
    const show = itaas(['questionnaire', 'show', 'acme.yaml'], { cwd: dir });
    expect(show.stdout).not.toContain('[virtualization-beyond-servers]');
    expect(show.stdout).toMatch(/\[server-virtualization-share\]\n[\s\S]*\[acme-hosting-contracts\]/);
    expect(show.stdout).toContain('[acme-client-specific]');
  });

  it('writes a standalone questionnaire and a model that validate', () => {
    const dir = tempDir();
    expect(itaas(['init', 'questionnaire', 'own', '--standalone'], { cwd: dir }).code).toBe(0);
    expect(itaas(['init', 'model', 'acme-model', '--out', 'm.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'm.yaml'), 'utf8')).toMatch(/^kind: model$/m);
    const v = itaas(['validate', 'own.yaml', 'm.yaml'], { cwd: dir });
    expect(v.stdout).toBe('');
    expect(v.code).toBe(0);
    // The model is free of authoring smells too.
    expect(itaas(['validate', '--strict', 'm.yaml'], { cwd: dir }).stdout).toBe('');
    // The standalone questionnaire's own examples are clean; what is left to write is said once.
    const strict = itaas(['validate', '--strict', 'own.yaml'], { cwd: dir });
    const warnings = strict.stdout.split('\n').filter((l) => l.includes('warning:'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^own\.yaml:\d+:\d+: warning: model: no question measures 13 of the model's 14 dimensions \("automation", .*"resilience"\), so they are never scored and no gap can select the \d+ initiatives that raise only them; add at least two questions for each/,
      ),
    ]);
    // A standalone questionnaire pointed at the new model is a complete starting point.
    writeFileSync(
      join(dir, 'own.yaml'),
      readFileSync(join(dir, 'own.yaml'), 'utf8')
        .replace('model: itaas', 'model: ./m.yaml')
        .replace(/dimension: virtualization/g, 'dimension: automation'),
    );
    expect(itaas(['validate', 'own.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('refuses to overwrite a file without --force, and overwrites it with --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'acme.yaml'), 'my own work\n');
    const r = itaas(['init', 'questionnaire', 'acme'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/acme\.yaml already exists; pass --force/);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe('my own work\n');
    expect(itaas(['init', 'questionnaire', 'acme', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toMatch(/^kind: questionnaire$/m);
  });

  it('refuses a name that is not an id and a kind it cannot scaffold', () => {
    const dir = tempDir();
    let r = itaas(['init', 'questionnaire', 'Acme ITaaS'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"Acme ITaaS" cannot be an id: it must be a slug/);
    r = itaas(['init', 'answers', 'acme'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot scaffold "answers"; choose "questionnaire" or "model"/);
  });
});
