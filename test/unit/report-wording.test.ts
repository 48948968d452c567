/**
 * Reports in both languages read correctly whatever name is inserted into a sentence: model names
 * (dimensions, stages, phases, initiatives, level labels) are never inflected, and a model's own noun for a
 * phase or stage may have any grammatical gender. Percentages follow the language's style.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { loadAssessment } from '../../src/load/index.js';
import { buildContext } from '../../src/report/context.js';
import type { ReportContext } from '../../src/report/context.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Model } from '../../src/schema/model.js';
import { fixtures } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

function context(file: string, lang: string, change?: (m: Model) => Model): ReportContext {
  const a = loadAssessment(file);
  const model = change ? change(structuredClone(a.model.data)) : a.model.data;
  return buildContext(model, a.questionnaire.data, a.answers.data, assess(model, a.questionnaire.data, a.answers.data), lang);
}

const examples = [
  ['northwind', northwind],
  ['meridian', meridian],
] as const;

describe('German reports insert names without inflecting them', () => {
  it.each(examples)('%s: no stage name as a predicate adjective, no level label after "heute", no name after "bei"', (_name, file) => {
    const md = renderMarkdown(context(file, 'de'));
    // "Das Betriebsmodell ist überwiegend Prozessorientiert."
    expect(md).not.toMatch(/überwiegend [A-ZÄÖÜ]/);
    // "(heute Im Aufbau)"
    expect(md).not.toMatch(/\(heute [A-ZÄÖÜ]/);
    // "der Lücke bei Finanzielle Transparenz"
    expect(md).not.toMatch(/Lücke bei [A-ZÄÖÜ]/);
    // "Am stärksten bremst Management-Tools" (a plural name as the subject of a singular verb)
    expect(md).not.toMatch(/bremst [A-ZÄÖÜ]/);
    // "Automatisierung, das nicht bewertet wurde" (a pronoun that has to agree with the name)
    expect(md).not.toMatch(/, das nicht bewertet/);
    // "hebt Schnelle Bereitstellung 2→3" (a name as the object of a verb)
    expect(md).not.toMatch(/hebt [A-ZÄÖÜ]/);
    // One initiative list is not read as two: titles may hold commas ("Patching, Fehlerbehebung und … automatisieren").
    expect(md).toContain('| Agilität | ');
    expect(md).not.toMatch(/\| [^|]*automatisieren, [A-ZÄÖÜ][^|]*\|$/m);
  });

  it('says "this point" for one disagreement and "these points" for several', () => {
    const one = renderMarkdown(context(join(fixtures, 'models', 'accessibility-answers.yaml'), 'de'));
    expect(one).toContain('besprechen Sie diesen Punkt, bevor Sie danach handeln');
    const en = renderMarkdown(context(join(fixtures, 'models', 'accessibility-answers.yaml'), 'en'));
    expect(en).toContain('talk it through before acting on that score');
    expect(renderMarkdown(context(northwind, 'de'))).toContain('besprechen Sie diese Punkte, bevor Sie danach handeln');
  });

  it('groups note references ("Siehe Notizen 1, 2 und 19") and marks the predominant stage as "Schwerpunkt"', () => {
    const html = renderHtml(context(northwind, 'de'));
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Siehe Notizen 1, 2, 19, 20 und 21 im Anhang.');
    expect(text).not.toMatch(/Notiz \d+, Notiz/);
    expect(text).toContain('Prozessorientiert (Schwerpunkt)');
    expect(text).not.toContain('(überwiegend)');
    const en = renderHtml(context(northwind, 'en')).replace(/<[^>]+>/g, '');
    expect(en).toContain('See notes 1, 2, 19, 20 and 21 in the appendix.');
  });

  it.each(examples)('%s: initiative titles inside a sentence stand in quotation marks (en and de)', (_name, file) => {
    for (const [lang, open, close] of [
      ['de', '„', '“'],
      ['en', '“', '”'],
    ] as const) {
      const ctx = context(file, lang);
      const titles = ctx.model.initiatives.map((i) => ctx.initiativeTitle(i.id));
      for (const item of ctx.result.roadmap!.waves.flatMap((w) => w.items)) {
        const reason = ctx.reasonText(item);
        for (const title of titles) {
          if (!reason.includes(title)) continue;
          expect(reason.split(title).length - 1, `${lang}: ${reason}`).toBe(reason.split(`${open}${title}${close}`).length - 1);
        }
      }
    }
  });

  it("needs no particular gender of the model's nouns for phases and stages", () => {
    // Masculine nouns: a sentence written for "Phase" and "Stufe" (feminine) would say "die nächste Abschnitt" or "Jede Grad".
    const masculine = (m: Model): Model => ({
      ...m,
      terms: {
        ...m.terms,
        phase: { en: 'part', de: 'Abschnitt' },
        phases: { en: 'parts', de: 'Abschnitte' },
        stage: { en: 'grade', de: 'Grad' },
        stages: { en: 'grades', de: 'Grade' },
      },
    });
    for (const [, file] of examples) {
      const ctx = context(file, 'de', masculine);
      const md = renderMarkdown(ctx);
      const html = renderHtml(ctx);
      for (const text of [md, html]) {
        expect(text).not.toMatch(/\b(eine|jede|nächste|nächsten|spätere|erreichte|erreichten|überwiegende|der|die) (Abschnitt|Grad)\b/i);
      }
    }
  });
});

/** The report without the texts it quotes from the files (model, questionnaire, notes): only itaas' own words and numbers are left. */
function ownWords(text: string, ctx: ReportContext): string {
  const quoted = new Set<string>();
  const walk = (x: unknown): void => {
    if (typeof x === 'string') quoted.add(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const v of Object.values(x)) walk(v);
  };
  walk([ctx.model, ctx.questionnaire, ctx.answers.respondents]);
  let out = text;
  for (const q of [...quoted].filter((x) => /\d/.test(x) && x.includes('%')).sort((a, b) => b.length - a.length)) {
    for (const form of [q, q.replace(/\s+/g, ' ').trim()]) out = out.split(form).join('');
  }
  return out;
}

describe('one percent style per language', () => {
  it.each(examples)('%s: German writes "83 %" with a no-break space, English "83%"', (_name, file) => {
    const ctxDe = context(file, 'de');
    const de = ownWords(renderMarkdown(ctxDe), ctxDe);
    expect(de).toMatch(/\d\u00a0%/);
    expect(de).not.toMatch(/\d%/);
    expect(de).not.toMatch(/\d[ \u202f]%/);
    const ctxEn = context(file, 'en');
    const en = ownWords(renderMarkdown(ctxEn), ctxEn);
    expect(en).toMatch(/\d%/);
    expect(en).not.toMatch(/\d\s%/);
  });
});

describe('the narrow score-bar chart in HTML', () => {
  it.each(['en', 'de'])("has its own caption and description, not the radar chart's (%s)", (lang) => {
    const html = renderHtml(context(northwind, lang));
    // The first chart of the report is the radar; its narrow layout is the score bars.
    const narrow = /<div class="chart chart-narrow">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(narrow).not.toMatch(/Radar|Netzdiagramm/);
    const caption = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(html)![1]!;
    // The caption says which chart is on screen: one text for the radar, one for the bars.
    expect(caption).toMatch(/chart-wide/);
    expect(caption).toMatch(/chart-narrow/);
  });
});

describe('a model with dimensions only', () => {
  it('has summary sentences for the cover and the executive summary', async () => {
    const { summary } = await import('../../src/report/summary.js');
    const ctx = context(join(fixtures, 'models', 'accessibility-answers.yaml'), 'en');
    expect(summary(ctx).paragraphs.length).toBeGreaterThan(0);
  });
});
