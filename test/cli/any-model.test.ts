import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, once, tempDir } from '../helpers.js';

const dir = 'test/fixtures/models';
const samm = ['samm.yaml', 'samm-questionnaire.yaml', 'samm-answers.yaml'].map((f) => `${dir}/${f}`);
const access = ['accessibility.yaml', 'accessibility-questionnaire.yaml', 'accessibility-answers.yaml'].map((f) => `${dir}/${f}`);
const FORMATS = 'md,json,html,pdf,csv';

/** Every report file of one answers file, as text (the PDF through pdftotext). */
function reportTexts(out: string, base: string): Record<string, string> {
  const text = (f: string) => readFileSync(join(out, f), 'utf8');
  const pdf = spawnSync('pdftotext', ['-enc', 'UTF-8', join(out, `${base}.pdf`), '-'], { encoding: 'utf8' });
  expect(pdf.status, pdf.stderr).toBe(0);
  return {
    md: text(`${base}.md`),
    json: text(`${base}.json`),
    html: text(`${base}.html`),
    pdf: pdf.stdout,
    'dimensions.csv': text(`${base}.dimensions.csv`),
    'answers.csv': text(`${base}.answers.csv`),
  };
}

/** Both models' files through one `validate --strict` run; each test reads the lines about its own files. */
const validated = once(() => itaas(['validate', '--strict', ...samm, ...access]));

/**
 * Both answers files reported in every format by one run, with a gate the SAMM-style model's overall score (0.813) passes
 * and the dimensions-only one's (over 1) too.
 */
const reported = once(() => {
  const out = tempDir();
  return { ...itaas(['report', access[2]!, samm[2]!, '--out', out, '--format', FORMATS, '--fail-under', '0.8']), out };
});

describe('models that are not ITaaS, through the CLI', () => {
  it.each([
    ['SAMM-style', samm],
    ['dimensions-only', access],
  ])('the %s model, questionnaire and answers validate with --strict, without a warning', (_name, files) => {
    const r = validated();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => files.some((f) => l.includes(f)))).toEqual([]);
    for (const f of files) expect(r.stderr).toMatch(new RegExp(`^ok {2}${f} \\(`, 'm'));
    // Nothing else is said.
    expect(r.stdout).toBe('');
  });

  it('the dimensions-only model reports in every format with no word of phases, stages, roadmaps or ITaaS', () => {
    const { out, ...r } = reported();
    expect(r.code, r.stderr).toBe(0);
    const texts = reportTexts(out, 'accessibility-answers');
    const banned = /ITaaS|IT-as-a-Service|phase|stage|operating model|XaaS|journey|virtualization|initiative|roadmap|wave/i;
    for (const [format, text] of Object.entries(texts)) {
      expect(text.length, format).toBeGreaterThan(200);
      expect(text.match(banned)?.[0], `${format} says "${text.match(banned)?.[0]}"`).toBeUndefined();
      // What the model has is all there: its dimensions and the overall score.
      expect(text, format).toContain(format === 'answers.csv' ? 'knowledge-skills' : 'Knowledge and skills');
    }
    expect(texts.md).toMatch(/\*\*Overall score: 1\.\d \(scale 0 to 3\)\*\*/);
    expect(texts.html).toContain('Overall score: 1.');
    expect(texts.pdf).toContain('Overall score: 1.');
    // No empty section is left behind: no target or gap column, no "where it stands" heading.
    expect(texts.md).not.toMatch(/\| Target \||Where the organisation stands/);
    expect(texts.html).not.toMatch(/id="position"|href="#roadmap"/);
  });

  it('the SAMM-style model shows its own name for the overall score, three decimals, and gates on that number', () => {
    const { out, ...r } = reported();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/is under/);
    const texts = reportTexts(out, 'samm-answers');
    for (const f of ['md', 'html', 'pdf']) expect(texts[f], f).toContain('Overall SAMM maturity: 0.813 (scale 0 to 3)');
    expect(JSON.parse(texts.json!).overall).toEqual({ title: 'Overall SAMM maturity', score: 0.813, precision: 3 });
    expect(texts['dimensions.csv']!.split('\r\n')[0]).toMatch(/,overall$/);
    expect(texts['dimensions.csv']).toContain('Contoso Software,2026-03-31,strategy-metrics,Strategy and Metrics,governance,1,0.875,0,2,1.125,0.83,0,0.83,0.813');
    expect(texts.md).toContain('| Policy and Compliance | 0.500 | 0 Not practised | 2 | 1.500 |');
    expect(texts.md).toContain('Average score 0.958 against an average target of 2.000');
    // The answers are shown at their value, fractions included; a note under its number.
    expect(texts.md).toMatch(/\| st-b1 \| [^|]+ \| Yes, for at least half of the applications \| 0\.5 \| \(2\) Payments and login only \|/);

    const under = itaas(['report', samm[2]!, '--out', tempDir(), '--format', 'json', '--fail-under', '0.82']);
    expect(under.code, under.stderr).toBe(1);
    expect(under.stderr).toMatch(/Overall SAMM maturity 0\.813 is under 0\.82/);
  });

  it('validate lists a problem of a questionnaire once, even when an answers file named with it reads it too', () => {
    const d = tempDir();
    const q = readFileSync(access[1]!, 'utf8')
      .replace('model: ./accessibility.yaml', `model: ${join(process.cwd(), access[0]!)}`)
      .replace('{id: optimize, level: 3,', '{id: optimize, level: 7,');
    writeFileSync(join(d, 'accessibility-questionnaire.yaml'), q);
    writeFileSync(join(d, 'answers.yaml'), readFileSync(access[2]!, 'utf8'));
    const r = itaas(['validate', join(d, 'accessibility-questionnaire.yaml'), join(d, 'answers.yaml')]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.every((l) => l.includes("7 is not on the model's scale, which runs from 0 to 3"))).toBe(true);
  });
});
