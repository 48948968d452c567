/**
 * The report's sections are listed once (src/report/sections.ts): which sections a report has, in
 * which order and under which title. The Markdown and HTML templates and the PDF follow that list.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { messages } from '../../src/i18n/index.js';
import { loadAssessment } from '../../src/load/index.js';
import type { Answers } from '../../src/schema/answers.js';
import { buildContext } from '../../src/report/context.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportSections, sectionData } from '../../src/report/sections.js';
import { fixtures } from '../helpers.js';
import { meridian, northwind } from '../report-fixtures.js';

const samm = join(fixtures, 'models', 'samm-answers.yaml');
const accessibility = join(fixtures, 'models', 'accessibility-answers.yaml');

/** A report context, after an optional change to the answers. */
function context(file: string, lang = 'en', change: (answers: Answers) => void = () => {}) {
  const loaded = loadAssessment(file);
  const answers = structuredClone(loaded.answers.data);
  change(answers);
  return buildContext(loaded.model.data, loaded.questionnaire.data, answers, assess(loaded.model.data, loaded.questionnaire.data, answers), lang);
}

const ids = (list: Array<{ id: string }>) => list.map((sec) => sec.id);

describe('the sections of a report', () => {
  it('Northwind (phases, stages, axes, a roadmap): every section, each format in its order, numbered from 1', () => {
    const ctx = context(northwind);
    const pdf = reportSections(ctx, 'pdf');
    expect(ids(pdf)).toEqual(['summary', 'position', 'scores', 'disagreements', 'roadmap', 'in-place', 'appendix']);
    expect(pdf.map((sec) => sec.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pdf.map((sec) => sec.title)).toEqual([
      'Executive summary',
      'Where the organisation stands',
      'Scores by axis',
      'Disagreements to discuss',
      'Roadmap',
      'Already in place',
      'Appendix: every answer',
    ]);
    // Only HTML has the dimension cards; Markdown prints the scores before where the organisation stands.
    expect(ids(reportSections(ctx, 'html'))).toEqual(['summary', 'position', 'scores', 'dimensions', 'disagreements', 'roadmap', 'in-place', 'appendix']);
    expect(ids(reportSections(ctx, 'md'))).toEqual(['summary', 'scores', 'position', 'disagreements', 'roadmap', 'in-place', 'appendix']);
  });

  it('titles come from the report language', () => {
    const de = messages('de').report;
    expect(reportSections(context(northwind, 'de'), 'pdf').map((sec) => sec.title)).toEqual([
      de.executiveSummary,
      de.whereItStands,
      de.scoresByAxis,
      de.disagreements,
      de.roadmap,
      de.inPlaceTitle,
      de.appendix,
    ]);
    expect(de.executiveSummary).not.toBe(messages('en').report.executiveSummary);
  });

  it('a model without phases, stages or initiatives: no "where it stands", roadmap or "already in place"', () => {
    const ctx = context(samm);
    expect(ctx.result.roadmap).toBeNull();
    expect(ids(reportSections(ctx, 'pdf'))).toEqual(['summary', 'scores', 'disagreements', 'appendix']);
    expect(ids(reportSections(ctx, 'html'))).toEqual(['summary', 'scores', 'dimensions', 'disagreements', 'appendix']);
    expect(reportSections(ctx, 'pdf').map((sec) => sec.number)).toEqual([1, 2, 3, 4]);
  });

  it('the scores are "by axis" only in a model with axes', () => {
    expect(reportSections(context(northwind), 'pdf').find((sec) => sec.id === 'scores')?.titleKey).toBe('scoresByAxis');
    const plain = reportSections(context(accessibility), 'pdf').find((sec) => sec.id === 'scores')!;
    expect(plain.titleKey).toBe('scores');
    expect(plain.title).toBe('Scores');
  });

  it('with one respondent there are no disagreements, and the section stays to say so', () => {
    const ctx = context(northwind, 'en', (answers) => {
      answers.respondents = answers.respondents.slice(0, 1);
    });
    const sections = reportSections(ctx, 'pdf');
    expect(ids(sections)).toContain('disagreements');
    expect(sectionData(sections, 'disagreements')!.questions).toEqual([]);
    expect(renderMarkdown(ctx)).toContain('Respondents did not differ by');
    expect(sectionData(reportSections(context(northwind), 'pdf'), 'disagreements')!.questions.length).toBeGreaterThan(0);
  });

  it('disagreements quote each answer with the number of its note', () => {
    const ctx = context(northwind);
    for (const { question, responses } of sectionData(reportSections(ctx, 'pdf'), 'disagreements')!.questions) {
      expect(question.disagreement).toBe(true);
      expect(responses.length).toBeGreaterThan(1);
      for (const response of responses) expect(response.noteNumber).toBe(response.note ? ctx.noteNumber(response.respondent, question.id) : undefined);
    }
  });

  it('notes are numbered 1, 2, 3 … in appendix order; without notes there are none, in the appendix or on the dimension cards', () => {
    const withNotes = reportSections(context(northwind), 'html');
    const numbers = sectionData(withNotes, 'appendix')!.respondents.flatMap((p) => p.answers.flatMap((x) => (x.noteNumber === undefined ? [] : [x.noteNumber])));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const onCards = sectionData(withNotes, 'dimensions')!.cards.flatMap((card) => card.notes);
    expect([...onCards].sort((a, b) => a - b)).toEqual(numbers);

    const without = reportSections(
      context(northwind, 'en', (answers) => {
        for (const person of answers.respondents) for (const [id, answer] of Object.entries(person.answers)) if (typeof answer === 'object') person.answers[id] = answer.option;
      }),
      'html',
    );
    expect(
      sectionData(without, 'appendix')!
        .respondents.flatMap((p) => p.answers.map((x) => x.noteNumber))
        .filter((n) => n !== undefined),
    ).toEqual([]);
    expect(sectionData(without, 'dimensions')!.cards.every((card) => card.notes.length === 0)).toBe(true);
  });

  it('without respondents the appendix is still there, with nobody in it', () => {
    const sections = reportSections(
      context(meridian, 'en', (answers) => {
        answers.respondents = [];
      }),
      'pdf',
    );
    expect(ids(sections).at(-1)).toBe('appendix');
    expect(sectionData(sections, 'appendix')!.respondents).toEqual([]);
  });
});

describe('the templates follow the sections', () => {
  it.each([
    ['northwind', 'en', northwind],
    ['meridian', 'de', meridian],
    ['samm', 'en', samm],
    ['accessibility', 'de', accessibility],
  ])('%s (%s): Markdown headings, HTML sections and the HTML contents in the listed order and titles', (_name, lang, file) => {
    const ctx = context(file, lang);
    const md = renderMarkdown(ctx);
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(reportSections(ctx, 'md').map((sec) => sec.title));
    const html = renderHtml(ctx);
    const sections = reportSections(ctx, 'html');
    expect([...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1])).toEqual(ids(sections));
    const contents = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect([...contents.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual(sections.map((sec) => [sec.id, sec.title]));
  });
});
