import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, once, root, tempDir } from '../helpers.js';

const example = join(root, 'examples', 'northwind-logistics.yaml');

function templatesWith(files: Record<string, string>): string {
  const dir = join(tempDir(), 'brand');
  mkdirSync(join(dir, 'partials'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * The built-in Markdown template, by one run for two tests: the example and the hostile answers, with a templates
 * folder that overrides only the HTML template.
 */
const builtIn = once(() => {
  const out = tempDir();
  return { ...itaas(['report', example, join(fixtures, 'hostile-answers.yaml'), '--out', out, '--format', 'md', '--templates', templatesWith({ 'report.html.eta': 'x' })]), out };
});

describe('report templates', () => {
  it('uses a branded Markdown template from --templates and escapes what it prints', () => {
    const dir = templatesWith({ 'report.md.eta': '# Acme Consulting\n\nClient: <%= it.a.organisation %>\n' });
    const out = tempDir();
    const r = itaas(['report', join(fixtures, 'hostile-answers.yaml'), '--out', out, '--format', 'md', '--templates', dir]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'hostile-answers.md'), 'utf8');
    expect(md).toBe('# Acme Consulting\n\nClient: &lt;script&gt;alert(1)&lt;/script&gt; Northwind & Söhne "&gt;&lt;img src=x onerror=alert(1)&gt;\n');
  });

  it('serves a template written with the 0.1 names (it.t, it.s, it.a, ctx.m, ctx.q, ctx.t) the same text as the current names', () => {
    const lines = (names: string[]) => `${names.join('\n')}\n`;
    const current = lines([
      '<%= it.ctx.modelText(it.model.title) %>',
      '<%= it.ctx.questionnaireText(it.questionnaire.title) %>',
      '<%= it.messages.report.executiveSummary %> / <%= it.ctx.messages.yes %>',
      '<%= it.assessment.organisation %>',
      '<%= it.summary.paragraphs[0] %>',
    ]);
    const old = lines([
      '<%= it.ctx.m(it.model.title) %>',
      '<%= it.ctx.q(it.questionnaire.title) %>',
      '<%= it.t.report.executiveSummary %> / <%= it.ctx.t.yes %>',
      '<%= it.a.organisation %>',
      '<%= it.s.paragraphs[0] %>',
    ]);
    // One template prints both, the current names' text above the line and the old names' text below it.
    const rendered = (lang: string) => {
      const out = tempDir();
      const r = itaas(['report', example, '--out', out, '--format', 'md', '--lang', lang, '--templates', templatesWith({ 'report.md.eta': `${current}----\n${old}` })]);
      expect(r.code, r.stderr).toBe(0);
      const [byCurrent, byOld, ...rest] = readFileSync(join(out, 'northwind-logistics.md'), 'utf8').split('----\n');
      expect(rest).toEqual([]);
      return { byCurrent: byCurrent!, byOld: byOld! };
    };
    for (const lang of ['en', 'de']) {
      const { byCurrent, byOld } = rendered(lang);
      expect(byCurrent).not.toMatch(/undefined|\[object/);
      expect(byCurrent.split('\n').filter(Boolean)).toHaveLength(5);
      expect(byOld, lang).toBe(byCurrent);
      if (lang === 'de') expect(byCurrent).toContain('Zusammenfassung');
    }
  });

  it('falls back to the built-in template for a format the folder does not override', () => {
    const r = builtIn();
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(r.out, 'northwind-logistics.md'), 'utf8')).toContain('## Executive summary');
  });

  it.each([
    ['a relative path out of the folder', "<%~ include('../../../../../../etc/passwd') %>", /outside the templates folder/],
    ['an absolute path', "<%~ include('/etc/passwd') %>", /absolute path/],
    ['a partial that climbs out', "<%~ include('partials/evil') %>", /outside the templates folder/],
  ])('refuses an include of %s with exit 2 and reads nothing', (_what, body, message) => {
    const dir = templatesWith({ 'report.md.eta': body, 'partials/evil.eta': "<%~ include('../../x') %>" });
    const out = tempDir();
    const r = itaas(['report', example, '--out', out, '--format', 'md', '--templates', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/root:|at .*\.js:\d+/);
  });

  it('refuses a symbolic link that leads out of the folder', () => {
    const dir = templatesWith({ 'report.md.eta': "<%~ include('partials/link.eta') %>" });
    symlinkSync('/etc/passwd', join(dir, 'partials', 'link.eta'));
    const r = itaas(['report', example, '--out', tempDir(), '--format', 'md', '--templates', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/leads outside the templates folder/);
    expect(r.stderr).not.toMatch(/root:/);
  });

  it('reports a broken template as a user error naming the file', () => {
    const dir = templatesWith({ 'report.md.eta': '<% it.nothing.here %>' });
    const r = itaas(['report', example, '--out', tempDir(), '--format', 'md', '--templates', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'report.md.eta'));
    expect(r.stderr).not.toContain('internal error');
  });

  it('refuses a --templates path that is not a folder', () => {
    const r = itaas(['report', example, '--out', tempDir(), '--format', 'md', '--templates', join(tempDir(), 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such folder/);
  });
});

describe('Markdown report with hostile input', () => {
  it('keeps every table row the shape of its header and lets no HTML or link through', () => {
    const r = builtIn();
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(r.out, 'hostile-answers.md'), 'utf8');
    const lines = md.split('\n');
    let cols = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        cols = 0;
        continue;
      }
      const n = line.replace(/\\\|/g, '').split('|').length;
      if (!cols) cols = n;
      expect(n, line).toBe(cols);
    }
    expect(md).not.toMatch(/<script|<img|<a |\]\(javascript/);
    expect(md).toContain('Кириллица: серверы собираются вручную');
  });
});
