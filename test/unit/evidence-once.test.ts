/**
 * "Already in place" prints each question's answers once, whatever number of initiatives rest on it,
 * and still names every initiative credited (Meridian's section ran to about five PDF pages when each
 * initiative repeated the answers it rests on).
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { loadAssessment } from '../../src/load/index.js';
import { buildContext } from '../../src/report/context.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { meridian, northwind } from '../report-fixtures.js';

function context(file: string, lang: string) {
  const a = loadAssessment(file);
  return buildContext(a.model.data, a.questionnaire.data, a.answers.data, assess(a.model.data, a.questionnaire.data, a.answers.data), lang);
}

const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from) + from.length));
/** HTML as text: tags dropped, entities read. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const count = (text: string, s: string) => text.split(s).length - 1;

describe('Already in place', () => {
  it.each([
    ['northwind', northwind, 'en', '## Already in place'],
    ['northwind', northwind, 'de', '## Bereits umgesetzt'],
    ['meridian', meridian, 'en', '## Already in place'],
    ['meridian', meridian, 'de', '## Bereits umgesetzt'],
  ])('%s (%s): each question once, every credited initiative named', (_name, file, lang, heading) => {
    const ctx = context(file, lang);
    const md = between(renderMarkdown(ctx), heading, '\n## ');
    const html = plain(between(renderHtml(ctx), 'id="in-place-h"', '<h2'));
    const evidence = new Set(ctx.result.inPlace.flatMap((p) => p.evidence));
    expect(evidence.size).toBeGreaterThan(5);
    for (const q of evidence) expect(count(md, ctx.questionText(q)), q).toBe(1);
    for (const p of ctx.result.inPlace) expect(md, p.id).toContain(`**${ctx.initiativeTitle(p.id)}**`);
    for (const q of evidence) expect(count(html, ctx.questionText(q)), q).toBe(1);
  });

  it('Meridian: the broker-role question, evidence for several initiatives, is printed once and names them all', () => {
    const ctx = context(meridian, 'en');
    const md = between(renderMarkdown(ctx), '## Already in place', '\n## ');
    const line = md.split('\n').filter((l) => l.includes(ctx.questionText('broker-role')));
    expect(line).toHaveLength(1);
    const using = ctx.result.inPlace.filter((p) => p.evidence.includes('broker-role'));
    expect(using.length).toBeGreaterThan(1);
    for (const p of using) expect(line[0]).toContain(`**${ctx.initiativeTitle(p.id)}**`);
  });

  it('prints each answer once per question, with the respondents who gave it', () => {
    const ctx = context(meridian, 'en');
    const md = between(renderMarkdown(ctx), '## Already in place', '\n## ');
    const text = ctx.questionText('itsm-tool');
    const line = md.split('\n').find((l) => l.includes(text))!;
    expect(line).toContain('*One ITSM platform, integrated with everything else*: Adaeze Okafor, Henrik Lund, Chloé Martin');
    expect(count(line, 'One ITSM platform, integrated with everything else')).toBe(1);
    // A disagreement: the median answer first, the other one after it, each with who gave it and their notes.
    const cmdb = md.split('\n').find((l) => l.includes(ctx.questionText('cmdb-accuracy')))!;
    expect(cmdb).toMatch(/\*A CMDB fed by discovery\*: Adaeze Okafor, Chloé Martin; \*Automatically maintained service maps\*: Henrik Lund \(note 15\)/);
  });
});
