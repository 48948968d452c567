import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, linesNaming, once, root, tempDir } from '../helpers.js';

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

// The three scaffolds are written once into one folder, with the examples of the questionnaire uncommented in a copy
// (examples.yaml) and the standalone questionnaire pointed at the new model in another (own-on-m.yaml). They are
// validated together: once with --strict, once without. Each test reads the lines naming its own files (a file
// with no error is listed as "ok" on stderr; the exit code is the whole run's).
const scaffolded = once(() => {
  const dir = tempDir();
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const questionnaire = itaas(['init', 'questionnaire', 'acme-itaas'], { cwd: dir });
  writeFileSync(join(dir, 'examples.yaml'), uncommentExamples(read('acme-itaas.yaml')));
  const standalone = itaas(['init', 'questionnaire', 'own', '--standalone'], { cwd: dir });
  const model = itaas(['init', 'model', 'acme-model', '--out', 'm.yaml'], { cwd: dir });
  // A standalone questionnaire pointed at the new model is a complete starting point.
  writeFileSync(
    join(dir, 'own-on-m.yaml'),
    read('own.yaml')
      .replace('model: itaas', 'model: ./m.yaml')
      .replace(/dimension: virtualization/g, 'dimension: automation'),
  );
  const strict = itaas(['validate', '--strict', 'acme-itaas.yaml', 'examples.yaml', 'm.yaml', 'own.yaml'], { cwd: dir });
  const plain = itaas(['validate', 'own.yaml', 'm.yaml', 'own-on-m.yaml'], { cwd: dir });
  return { dir, read, questionnaire, standalone, model, strict, plain };
});

describe('itaas init', () => {
  it('writes a questionnaire that extends the built-in one and validates cleanly, even with --strict', () => {
    const { read, questionnaire: r, strict: v } = scaffolded();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote acme-itaas.yaml');
    const text = read('acme-itaas.yaml');
    expect(text.split('\n')[0]).toMatch(/^# Editor completion: save the schema with `npx itaas schema questionnaire/);
    expect(text).toMatch(/^id: acme-itaas$/m);
    expect(text).toMatch(/^extends: itaas-core$/m);
    expect(linesNaming(v.stdout, 'acme-itaas.yaml')).toBe('');
    expect(v.stderr).toContain('ok  acme-itaas.yaml (questionnaire)');
  });

  it('points the editor at a schema file that exists by a relative path, and never by an absolute one', () => {
    // A folder outside any project: no schema line.
    const outsideText = scaffolded().read('acme-itaas.yaml');
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
    const { dir, read, strict: v } = scaffolded();
    expect(read('examples.yaml')).not.toBe(read('acme-itaas.yaml'));
    expect(linesNaming(v.stdout, 'examples.yaml')).toBe('');
    expect(v.stderr).toContain('ok  examples.yaml (questionnaire)');
    const show = itaas(['questionnaire', 'show', 'examples.yaml'], { cwd: dir });
    expect(show.stdout).not.toContain('[virtualization-beyond-servers]');
    expect(show.stdout).toMatch(/\[server-virtualization-share\]\n[\s\S]*\[acme-itaas-hosting-contracts\]/);
    expect(show.stdout).toContain('[acme-itaas-client-specific]');
  });

  it('writes a standalone questionnaire and a model that validate', () => {
    const { read, standalone, model, plain: v, strict } = scaffolded();
    expect(standalone.code, standalone.stderr).toBe(0);
    expect(model.code, model.stderr).toBe(0);
    expect(read('m.yaml')).toMatch(/^kind: model$/m);
    for (const file of ['own.yaml', 'm.yaml']) expect(linesNaming(v.stdout, file)).toBe('');
    // The model is free of authoring smells too.
    expect(linesNaming(strict.stdout, 'm.yaml')).toBe('');
    // The standalone questionnaire's own examples are clean; what is left to write is said once.
    const warnings = linesNaming(strict.stdout, 'own.yaml').split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(
        /^own\.yaml:\d+:\d+: warning: model: no question measures 13 of the model's 14 dimensions \("automation", .*"resilience"\), so they are never scored and no gap can select the \d+ initiatives that raise only them; add at least two questions for each/,
      ),
    ]);
    // A standalone questionnaire pointed at the new model is a complete starting point.
    expect(read('own-on-m.yaml')).toMatch(/^model: \.\/m\.yaml$/m);
    expect(linesNaming(v.stdout, 'own-on-m.yaml')).toBe('');
    expect(v.stdout).toBe('');
    expect(v.code).toBe(0);
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
