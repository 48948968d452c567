/**
 * The reason given for each roadmap item reads plainly to a sceptical reader: a step a phase needs says
 * how far the dimension is short of the phase and which items close it together, and no bare share
 * ("its share: 0.05") is left for the reader to decode. The JSON keeps the shares.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { loadAssessment } from '../../src/load/index.js';
import { buildContext } from '../../src/report/context.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { meridian, northwind } from '../report-fixtures.js';

function context(file: string, lang: string) {
  const a = loadAssessment(file);
  return buildContext(a.model.data, a.questionnaire.data, a.answers.data, assess(a.model.data, a.questionnaire.data, a.answers.data), lang);
}

/** The "Why" line of one roadmap item in the Markdown report. */
function why(md: string, title: string, label: string): string {
  const at = md.indexOf(`\n#### ${title}`);
  expect(at, title).toBeGreaterThan(0);
  const line = md
    .slice(at)
    .split('\n')
    .find((l) => l.startsWith(`**${label}:**`));
  expect(line, title).toBeDefined();
  return line!;
}

describe('roadmap reasons', () => {
  it('say how far a dimension is short of the next phase and which items close it (English)', () => {
    const md = renderMarkdown(context(northwind, 'en'));
    expect(why(md, 'Establish a CMDB fed by automated discovery', 'Why')).toContain(
      'Management tools is at 2.9, 0.1 short of the 3.0 that Phase II – Business production needs; with “Monitor services end to end” this closes it;',
    );
    expect(why(md, 'Monitor services end to end', 'Why')).toContain(
      'Management tools is at 2.9, 0.1 short of the 3.0 that Phase II – Business production needs; with “Establish a CMDB fed by automated discovery” this closes it;',
    );
    expect(why(md, 'Automate end-to-end provisioning with an orchestration tool', 'Why')).toMatch(
      /^\*\*Why:\*\* Automation is at 2\.0, 1\.0 short of the 3\.0 that Phase II – Business production needs; this closes it;/,
    );
    // The executive summary's first wave gives the same reason.
    expect(md.slice(md.indexOf('## Executive summary'))).toMatch(/\*\*Establish a CMDB fed by automated discovery\*\*: Management tools is at 2\.9, 0\.1 short/);
  });

  it('say the same in German', () => {
    const md = renderMarkdown(context(northwind, 'de'));
    expect(why(md, 'Eine durch automatisierte Discovery gepflegte CMDB etablieren', 'Warum')).toContain(
      'Die Dimension „Management-Tools“ steht bei 2,9, 0,1 unter den 3,0, die Phase II – Geschäftsproduktion braucht; zusammen mit „Services End-to-End überwachen“ schließt diese Initiative die Lücke;',
    );
    expect(why(md, 'Die End-to-End-Bereitstellung mit einem Orchestrierungstool automatisieren', 'Warum')).toMatch(
      /^\*\*Warum:\*\* Die Dimension „Automatisierung“ steht bei 2,0, 1,0 unter den 3,0, die Phase II – Geschäftsproduktion braucht; diese Initiative schließt die Lücke;/,
    );
  });

  it.each([
    ['northwind', northwind],
    ['meridian', meridian],
  ])('%s: no bare share in the text, while the JSON keeps every share', (_name, file) => {
    for (const lang of ['en', 'de']) {
      const ctx = context(file, lang);
      const md = renderMarkdown(ctx);
      const html = renderHtml(ctx);
      for (const text of [md, html]) {
        expect(text).not.toMatch(/its share|eigener Anteil/);
        expect(text).not.toMatch(/toward \d/);
      }
      const json = JSON.parse(renderJson(ctx)) as { roadmap: { waves: Array<{ items: Array<{ reason: { gaps: Array<{ closes: number }> } }> }> } };
      const gaps = json.roadmap.waves.flatMap((w) => w.items.flatMap((i) => i.reason.gaps));
      expect(gaps.length).toBeGreaterThan(0);
      for (const g of gaps) expect(g.closes).toBeGreaterThan(0);
    }
  });

  it('quotes section names with typographic quotes in English, as everywhere else', () => {
    const md = renderMarkdown(context(northwind, 'en'));
    expect(md).toContain('credited under “Already in place”');
    expect(md).toContain('see “Disagreements to discuss”');
    expect(md).not.toMatch(/"(Already in place|Disagreements to discuss|not applicable)"/);
  });
});
