import { describe, expect, it } from 'vitest';
import { assess } from '../../src/core/assess.js';
import { loadAssessment } from '../../src/load/index.js';
import { buildContext } from '../../src/report/context.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { northwind } from '../report-fixtures.js';

/** The Northwind example with hostile text in every place a person types into. */
function hostile(edit: (a: ReturnType<typeof loadAssessment>) => void) {
  const a = loadAssessment(northwind);
  edit(a);
  const result = assess(a.model.data, a.questionnaire.data, a.answers.data);
  return buildContext(a.model.data, a.questionnaire.data, a.answers.data, result, 'en');
}

describe('Markdown cannot be given structure by what people typed', () => {
  const ctx = hostile((a) => {
    const as = a.answers.data.assessment;
    as.organisation = 'Acme\n## Pwned\n---\n===\n';
    as.scope = 'IT\n# Scope heading';
    as.assessor = 'Pat\u0085\u009b2J';
    a.answers.data.respondents[0]!.name = 'Martin\n## Injected';
    const answers = a.answers.data.respondents[0]!.answers;
    answers['server-virtualization-share'] = { option: 'nearly-all', note: 'see http://evil.example/x, www.evil.example and bob@evil.example' };
    for (const init of a.model.data.initiatives) init.title = `title Hacked ${init.id}`;
  });
  const md = renderMarkdown(ctx);

  it('makes no heading or rule from a line break in organisation, scope or names', () => {
    expect(md).not.toMatch(/^#+ (Pwned|Scope heading|Injected)/m);
    expect(md).not.toMatch(/^(---|===)$/m);
  });

  it('gives GitHub no bare URL, www. address or e-mail address to link', () => {
    expect(md).toContain('evil.example');
    expect(md).not.toMatch(/https?:\/\/evil/);
    expect(md).not.toMatch(/(^|[\s(])www\.evil/m);
    expect(md).not.toMatch(/bob@evil/);
  });

  it('drops C1 control characters', () => {
    expect(md).not.toMatch(/[\u0080-\u009f]/);
  });

  it('keeps an initiative title that starts with a Gantt keyword a task', () => {
    const gantt = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
    expect(gantt).toContain('Hacked');
    expect(gantt.split('\n').filter((l) => /^\s*title\b/.test(l))).toHaveLength(1);
  });

  it('drops a bidi override from the Mermaid chart title', () => {
    const c = hostile((a) => (a.answers.data.assessment.organisation = 'Acme \u202eevil'));
    const m = renderMarkdown(c);
    const gantt = m.slice(m.indexOf('```mermaid'), m.indexOf('```', m.indexOf('```mermaid') + 3));
    expect(gantt).toContain('Acme evil');
    expect(gantt).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('HTML keeps a direction override inside the text that carries it', () => {
  it('isolates the organisation in the summary, figure captions, SVG descriptions and footer', () => {
    const html = renderHtml(hostile((a) => (a.answers.data.assessment.organisation = 'Acme \u202eGmbH')));
    const places = html.split('\u202e').slice(1);
    expect(places.length).toBeGreaterThan(3);
    // Every override is closed (U+2069 POP DIRECTIONAL ISOLATE) before its text node or attribute ends.
    for (const after of places) expect(after.slice(0, after.search(/[<"]/))).toContain('\u2069');
  });
});
