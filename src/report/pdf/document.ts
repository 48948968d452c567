import { COLORS, placementFigure, radarFigure, timelineFigure } from '../charts.js';
import { gapText, targetText } from '../context.js';
import type { ReportContext } from '../context.js';
import type { RenderOptions } from '../formats.js';
import {
  coverageText,
  coverFacts,
  initiativeMeta,
  levelText,
  outcomeInitiativesText,
  outcomeWorkText,
  overrunText,
  rationaleText,
  reportSections,
  requirementsText,
  responseText,
  roadmapIntro,
  sectionData,
  spreadFlagged,
} from '../sections.js';
import type { SectionData, SectionId } from '../sections.js';
import { byAnswer } from '../summary.js';
import { Layout, PAPER } from './layout.js';
import type { Doc } from './layout.js';

/* The PDF report's document: cover, contents, sections and footers, placed with the layout in layout.ts. */

/** Past this many characters a note is shortened in the PDF (pages of one note help no reader, and cost time and memory). */
const PDF_NOTE_CHARS = 3000;

/** A note as the PDF shows it: whole, or its beginning (cut at a space) and a pointer to the full text. */
function pdfNote(note: string, r: { noteShortened: (total: number) => string }): string {
  if (note.length <= PDF_NOTE_CHARS) return note;
  const head = note.slice(0, PDF_NOTE_CHARS);
  const cut = head.lastIndexOf(' ');
  return `${(cut > PDF_NOTE_CHARS / 2 ? head.slice(0, cut) : head).trimEnd()} … ${r.noteShortened(note.length)}`;
}

export interface PdfOptions extends RenderOptions {
  /** Seconds since the epoch to stamp as the creation date (SOURCE_DATE_EPOCH); else the assessment date. */
  sourceDateEpoch?: string;
}

/** The creation date: SOURCE_DATE_EPOCH when set, else midnight UTC of the assessment date; never the clock. */
export function pdfDate(assessmentDate: string, epoch = process.env.SOURCE_DATE_EPOCH): Date {
  if (epoch && /^\d{1,12}$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date(`${assessmentDate}T00:00:00Z`);
}

/** Where each section starts in the PDF: on a new page or not, and how much room its heading keeps with what follows. */
const PDF_PLACEMENT: Record<SectionId, { newPage: boolean; keep: number }> = {
  summary: { newPage: true, keep: 60 },
  position: { newPage: false, keep: 160 },
  scores: { newPage: false, keep: 160 },
  dimensions: { newPage: false, keep: 60 },
  disagreements: { newPage: false, keep: 120 },
  roadmap: { newPage: true, keep: 60 },
  'in-place': { newPage: false, keep: 120 },
  appendix: { newPage: true, keep: 60 },
};

type Data<K extends SectionId> = SectionData[K];

export async function renderPdf(ctx: ReportContext, opts: PdfOptions = {}): Promise<Buffer> {
  const t = ctx.messages;
  const r = t.report;
  const { model, answers } = ctx;
  const a = answers.assessment;
  const sections = reportSections(ctx, 'pdf');
  const s = sectionData(sections, 'summary')!;
  const title = r.title(ctx.modelText(model.title), a.organisation);
  const date = pdfDate(a.date, opts.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH);
  // pdfkit's types describe a CommonJS export; under ESM the class is the default export.
  const Ctor = ((await import('pdfkit')) as unknown as { default: new (o: PDFKit.PDFDocumentOptions) => Doc }).default;
  const doc = new Ctor({
    // No default font: pdfkit would load Helvetica's metrics only for the embedded fonts to replace it.
    font: null as unknown as string,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: ctx.lang,
    displayTitle: true,
    info: { Title: title, Author: a.assessor ?? '', Subject: ctx.modelText(model.title), Creator: 'itaas', Producer: 'itaas', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const paper = PAPER[opts.paper ?? 'a4'];
  const l = new Layout(doc, paper, ctx.lang);
  const toc: Array<{ title: string; page: number; level: number; dest: string }> = [];
  const section = (title: string, dest: string, keep = 60) => {
    l.heading(title, 1, keep);
    // The heading may have moved to a new page; record where it landed.
    toc.push({ title, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1, level: 1, dest });
    doc.addNamedDestination(dest, 'XYZ', l.left, Math.max(0, l.y - 40), 0);
    doc.outline.addItem(title);
  };

  // Cover.
  l.newPage();
  doc.rect(0, 0, l.width, 10).fillColor(COLORS.current).fill();
  l.y = 150;
  l.paragraph(ctx.modelText(model.title).toUpperCase(), { size: 11, color: '#444444', after: 10 });
  l.paragraph([{ text: a.organisation, bold: true }], { size: 26, lineHeight: 32, after: 24 });
  for (const fact of coverFacts(ctx)) l.paragraph([{ text: `${fact.label}: `, bold: true }, { text: fact.value }], { size: 11, after: 4 });
  l.y += 20;
  l.paragraph(s.paragraphs[0] ?? '', { size: 11, color: '#333333' });

  // Contents: below the summary on the cover where they fit, else on a page of their own; filled in once
  // every section knows its page.
  if (l.bottom - l.y - 30 < 60 + 20 * sections.length) l.newPage();
  else l.y += 30;
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocY = l.y;

  const drawSummary = (summary: Data<'summary'>) => {
    l.paragraph([{ text: ctx.overallLine, bold: true }]);
    for (const p of summary.paragraphs) l.paragraph(p);
    if (summary.topGaps.length) {
      l.heading(r.largestGaps.replace(/:$/, ''), 3);
      for (const g of summary.topGaps) l.paragraph([{ text: '•  ' }, { text: g.title, bold: true }, { text: `: ${r.gapLine(ctx.num(g.score), g.target, g.levelLabel)}` }], { indent: 8, after: 2 });
      l.y += 4;
    }
    if (summary.firstWave.length) {
      l.heading(r.startWith.replace(/:$/, ''), 3);
      summary.firstWave.forEach((it, i) => l.paragraph([{ text: `${i + 1}.  ` }, { text: ctx.initiativeTitle(it.id), bold: true }, { text: `: ${ctx.reasonText(it)}` }], { indent: 8, after: 3 }));
      l.y += 4;
    }
    for (const w of summary.warnings) l.paragraph([{ text: '!  ', bold: true }, { text: w }], { color: '#7a2e0b' });
    l.heading(r.radarTitle(ctx.hasTargets), 3, 260);
    l.figure(radarFigure(ctx), l.contentWidth * 0.8);
    l.paragraph(r.radarAlt(a.organisation, ctx.hasTargets), { size: 8.5, color: '#444444' });
  };

  const drawPosition = ({ phase, operatingModel }: Data<'position'>) => {
    l.figure(placementFigure(ctx));
    if (phase) {
      l.table(
        [
          { header: t.cap(ctx.words.phase), width: 3 },
          { header: r.reachedCol, width: 1.2 },
          { header: r.requires, width: 5 },
        ],
        phase.phases.map((p) => [ctx.phaseTitle(p.number), p.reached ? t.yes : t.no, requirementsText(ctx, p.requirements)]),
        { title: ctx.words.phasesTitle, level: 3 },
      );
    }
    if (operatingModel) {
      l.heading(ctx.words.stagesTitle, 3, 80);
      l.paragraph(r.stagesIntro(ctx.words.stage, ctx.words.stages));
      l.table(
        [
          { header: t.cap(ctx.words.stage), width: 3 },
          { header: r.attainedCol, width: 1.2 },
          { header: r.progress, width: 1.2, align: 'right' },
          { header: r.requires, width: 5 },
        ],
        operatingModel.stages.map((st) => [ctx.stageTitle(st.id), st.attained ? t.yes : t.no, ctx.pct(st.attainment), requirementsText(ctx, st.requirements)]),
      );
    }
  };

  const drawScores = ({ groups, targetOverridden }: Data<'scores'>) => {
    const dims = new Map(ctx.result.dimensions.map((d) => [d.id, d]));
    l.paragraph(r.scoresIntro, { size: 9, color: '#333333' });
    for (const g of groups) {
      if (g.title) l.heading(g.title, 2, 80);
      if (g.description) l.paragraph(g.description, { size: 9.5 });
      if (g.line) l.paragraph(g.line, { size: 9.5 });
      l.table(
        [
          { header: r.dimension, width: 3 },
          { header: r.score, width: 1, align: 'right' },
          { header: r.level, width: 1.8 },
          ...(ctx.hasTargets
            ? [
                { header: r.target, width: 1, align: 'right' as const },
                { header: r.gap, width: 0.9, align: 'right' as const },
              ]
            : []),
          { header: r.coverage, width: 2.4 },
          { header: r.answerShare, width: 1.2, align: 'right' },
          { header: r.spread, width: 1, align: 'right' },
        ],
        g.dimensions.map((id) => {
          const d = dims.get(id)!;
          return [
            ctx.dimTitle(id),
            ctx.num(d.score),
            levelText(ctx, d),
            ...(ctx.hasTargets ? [targetText(d), gapText(ctx, d)] : []),
            coverageText(ctx, d),
            ctx.pct(Math.round(d.coverage.answerRatio * 100)),
            spreadFlagged(ctx, d) ? [{ text: String(d.spread), bold: true }] : String(d.spread),
          ];
        }),
      );
      // What each dimension's level means, under its table (the level descriptors of the model).
      for (const id of g.dimensions) {
        const d = dims.get(id)!;
        if (d.level !== null) l.paragraph([{ text: `${r.dimensionLevel(ctx.dimTitle(id), d.level)} `, bold: true }, { text: ctx.levelDescriptor(id, d.level) }], { size: 9, after: 3 });
      }
    }
    if (targetOverridden) l.paragraph(`* ${r.targetOverridden}`, { size: 8.5, color: '#444444' });
  };

  const drawDisagreements = ({ questions }: Data<'disagreements'>) => {
    if (!questions.length) {
      l.paragraph(r.noDisagreements(ctx.apart));
      return;
    }
    l.paragraph(r.disagreementsIntro(questions.length, ctx.result.aggregation, ctx.apart));
    for (const { question: x, responses } of questions) {
      l.heading(ctx.questionText(x.id), 3, 50);
      l.paragraph(r.disagreementMeta(ctx.dimTitle(x.dimension), x.spread, ctx.result.aggregation, ctx.num(x.score)), { size: 9, color: '#444444' });
      for (const p of responses) {
        const n = p.noteNumber;
        l.ensure(14);
        l.paragraph([{ text: `${p.respondent}: `, bold: true }, { text: `${responseText(ctx, x.id, p)}${n === undefined ? '' : `; ${r.noteRef(n)}`}` }], { size: 9.5, indent: 6, after: 4 });
      }
    }
  };

  const drawRoadmap = ({ roadmap: rm, items, outcomes }: Data<'roadmap'>) => {
    if (!items.length) {
      l.paragraph(r.noRoadmap);
      return;
    }
    l.paragraph(roadmapIntro(ctx, rm, items.length));
    if (rm.months > rm.horizon) l.paragraph(overrunText(ctx, rm));
    if (outcomes.length) {
      l.heading(r.byOutcome, 2, 120);
      l.paragraph(r.byOutcomeIntro);
      l.table(
        [
          { header: r.outcome, width: 3 },
          { header: r.period, width: 3 },
          { header: r.initiatives, width: 8 },
        ],
        outcomes.map((o) => [[{ text: o.title, bold: true }], outcomeWorkText(ctx, o), outcomeInitiativesText(ctx, o)]),
      );
    }
    l.heading(r.timeline, 2, 200);
    l.figure(timelineFigure(ctx));
    l.paragraph(r.timelineAlt(items.length), { size: 8.5, color: '#444444' });
    l.heading(r.byWave, 2, 160);
    // Each initiative as a block over the full width: a table's narrow columns would take pages more.
    for (const w of rm.waves) {
      l.heading(ctx.waveTitle(w.id), 3, 90);
      for (const it of w.items) {
        const meta = initiativeMeta(ctx, it);
        l.ensure(60);
        l.paragraph([{ text: ctx.initiativeTitle(it.id), bold: true }], { size: 10, after: 1 });
        l.paragraph(meta, { size: 8.5, color: '#444444', after: 3 });
        l.paragraph([{ text: `${r.why} `, bold: true }, { text: ctx.reasonText(it) }], { size: 9, after: 3 });
        if (it.dependsOn.length) l.paragraph([{ text: `${r.after} `, bold: true }, { text: it.dependsOn.map((d) => ctx.initiativeTitle(d)).join('; ') }], { size: 9, after: 3 });
        l.paragraph(rationaleText(ctx, it.id), { size: 9, after: 9 });
      }
    }
  };

  const drawInPlace = ({ strengths: credited, groups }: Data<'in-place'>) => {
    l.paragraph(credited.length ? r.inPlaceIntro : r.noneInPlace);
    for (const g of groups) {
      const e = g.evidence;
      const evidence = `${e.text} ${byAnswer(e)
        .map((a) => `${a.answer}: ${a.respondents.map((x) => `${x.name}${x.noteNumber ? ` (${r.noteRef(x.noteNumber)})` : ''}`).join(', ')}`)
        .join('; ')}`;
      l.paragraph([{ text: `${g.titles.join('; ')}: `, bold: true }, { text: evidence }], { size: 9.5, after: 5 });
    }
  };

  const drawAppendix = ({ respondents }: Data<'appendix'>) => {
    type Answer = Data<'appendix'>['respondents'][number]['answers'][number];
    const noteOf = (answer: Answer | undefined) => (answer?.note && answer.noteNumber !== undefined ? { n: answer.noteNumber, text: pdfNote(answer.note, r) } : undefined);
    const people = respondents.filter((p) => p.answers.length);
    for (const p of respondents.filter((p) => !p.answers.length)) l.paragraph([{ text: `${r.respondent(p.name, p.role)}: `, bold: true }, { text: r.noAnswers }]);
    if (people.length && people.length <= 4) {
      // A few respondents side by side: each question once, each answer in its respondent's column, the
      // notes in full below, by number.
      const answered = people.map((p) => new Map(p.answers.map((x) => [x.question, x])));
      const rows = ctx.questionnaire.sections.flatMap((sec) => sec.questions).filter((x) => answered.some((byQuestion) => byQuestion.has(x.id)));
      l.table(
        [{ header: r.asked, width: 3.4 }, ...people.map((p) => ({ header: p.name, width: 2 }))],
        rows.map((x) => [
          ctx.questionText(x.id),
          ...answered.map((byQuestion) => {
            const answer = byQuestion.get(x.id);
            if (answer === undefined) return '–';
            const note = noteOf(answer);
            return `${responseText(ctx, x.id, answer)}${note ? `; ${r.noteRef(note.n)}` : ''}`;
          }),
        ]),
      );
      const numbered = rows.flatMap((x) => people.flatMap((p, k) => (noteOf(answered[k]!.get(x.id)) ? [{ p, ...noteOf(answered[k]!.get(x.id))! }] : []))).sort((a, b) => a.n - b.n);
      if (numbered.length) {
        l.heading(r.notes, 2, 40);
        for (const e of numbered) l.paragraph([{ text: `(${e.n}) ${e.p.name}: `, bold: true }, { text: e.text }], { size: 8.5, after: 3 });
      }
    } else {
      for (const p of people) {
        l.table(
          [
            { header: r.asked, width: 4.2 },
            { header: r.answer, width: 3.2 },
            { header: r.note, width: 3.6 },
          ],
          p.answers.map((answer) => {
            const note = noteOf(answer);
            return [ctx.questionText(answer.question), responseText(ctx, answer.question, answer), note ? r.noteNumbered(note.n, note.text) : ''];
          }),
          { title: r.respondent(p.name, p.role), level: 2 },
        );
      }
    }
  };

  for (const sec of sections) {
    const place = PDF_PLACEMENT[sec.id];
    if (place.newPage) l.newPage();
    section(sec.title, sec.id, place.keep);
    switch (sec.id) {
      case 'summary':
        drawSummary(sec.data);
        break;
      case 'position':
        drawPosition(sec.data);
        break;
      case 'scores':
        drawScores(sec.data);
        break;
      case 'disagreements':
        drawDisagreements(sec.data);
        break;
      case 'roadmap':
        drawRoadmap(sec.data);
        break;
      case 'in-place':
        drawInPlace(sec.data);
        break;
      case 'appendix':
        drawAppendix(sec.data);
        break;
      case 'dimensions':
        // HTML only: the PDF shows each dimension's level descriptor under its score table.
        break;
    }
  }

  if (l.replaced) l.paragraph(r.missingGlyphs, { size: 8.5, color: '#444444' });

  // Contents, now that every section has its page.
  const range = doc.bufferedPageRange();
  doc.switchToPage(tocPage);
  l.y = tocY;
  l.heading(r.contents, 1, 0);
  for (const e of toc) {
    const y = l.y;
    const num = String(e.page + 1);
    const lines = l.wrap([{ text: e.title }], l.contentWidth - 60, 11);
    l.drawLine(lines[0]!, l.left, y, 11, COLORS.text);
    const nw = l.measure(num, false, 11);
    l.drawLine(l.wrap([{ text: num }], 100, 11)[0]!, l.right - nw, y, 11, COLORS.text);
    doc.goTo(l.left, y, l.contentWidth, 14, e.dest);
    l.y += 20;
  }

  // Footers: "Page X of Y" on every page but the cover.
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = l.height - 40;
    doc
      .moveTo(l.left, y - 6)
      .lineTo(l.right, y - 6)
      .lineWidth(0.5)
      .strokeColor('#c8c8c8')
      .stroke();
    // The running title is the organisation; a long one is shortened visibly (the cover has it whole).
    const orgLines = l.wrap([{ text: a.organisation }], l.contentWidth - 120, 8);
    const left = orgLines.length > 1 ? l.wrap([{ text: `${orgLines[0]!.map((tk) => tk.text).join(' ')} …` }], l.contentWidth - 100, 8)[0]! : orgLines[0]!;
    l.drawLine(left, l.left, y, 8, '#555555');
    const page = r.page(i + 1, range.count);
    l.drawLine(l.wrap([{ text: page }], 200, 8)[0]!, l.right - l.measure(page, false, 8), y, 8, '#555555');
  }
  doc.end();
  return done;
}
