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
function pdfNote(note: string, report: { noteShortened: (total: number) => string }): string {
  if (note.length <= PDF_NOTE_CHARS) return note;
  const head = note.slice(0, PDF_NOTE_CHARS);
  const cut = head.lastIndexOf(' ');
  return `${(cut > PDF_NOTE_CHARS / 2 ? head.slice(0, cut) : head).trimEnd()} … ${report.noteShortened(note.length)}`;
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
  const messages = ctx.messages;
  const report = messages.report;
  const { model, answers } = ctx;
  const assessment = answers.assessment;
  const sections = reportSections(ctx, 'pdf');
  const coverSummary = sectionData(sections, 'summary')!;
  const title = report.title(ctx.modelText(model.title), assessment.organisation);
  const date = pdfDate(assessment.date, opts.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH);
  // pdfkit's types describe a CommonJS export; under ESM the class is the default export.
  const Ctor = ((await import('pdfkit')) as unknown as { default: new (options: PDFKit.PDFDocumentOptions) => Doc }).default;
  const doc = new Ctor({
    // No default font: pdfkit would load Helvetica's metrics only for the embedded fonts to replace it.
    font: null as unknown as string,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: ctx.lang,
    displayTitle: true,
    info: { Title: title, Author: assessment.assessor ?? '', Subject: ctx.modelText(model.title), Creator: 'itaas', Producer: 'itaas', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const paper = PAPER[opts.paper ?? 'a4'];
  const layout = new Layout(doc, paper, ctx.lang);
  const toc: Array<{ title: string; page: number; level: number; dest: string }> = [];
  const section = (title: string, dest: string, keep = 60) => {
    layout.heading(title, 1, keep);
    // The heading may have moved to a new page; record where it landed.
    toc.push({ title, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1, level: 1, dest });
    doc.addNamedDestination(dest, 'XYZ', layout.left, Math.max(0, layout.y - 40), 0);
    doc.outline.addItem(title);
  };

  // Cover.
  layout.newPage();
  doc.rect(0, 0, layout.width, 10).fillColor(COLORS.current).fill();
  layout.y = 150;
  layout.paragraph(ctx.modelText(model.title).toUpperCase(), { size: 11, color: '#444444', after: 10 });
  layout.paragraph([{ text: assessment.organisation, bold: true }], { size: 26, lineHeight: 32, after: 24 });
  for (const fact of coverFacts(ctx)) layout.paragraph([{ text: `${fact.label}: `, bold: true }, { text: fact.value }], { size: 11, after: 4 });
  layout.y += 20;
  layout.paragraph(coverSummary.paragraphs[0] ?? '', { size: 11, color: '#333333' });

  // Contents: below the summary on the cover where they fit, else on a page of their own; filled in once
  // every section knows its page.
  if (layout.bottom - layout.y - 30 < 60 + 20 * sections.length) layout.newPage();
  else layout.y += 30;
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocY = layout.y;

  const drawSummary = (summary: Data<'summary'>) => {
    layout.paragraph([{ text: ctx.overallLine, bold: true }]);
    for (const paragraph of summary.paragraphs) layout.paragraph(paragraph);
    if (summary.topGaps.length) {
      layout.heading(report.largestGaps.replace(/:$/, ''), 3);
      for (const gap of summary.topGaps)
        layout.paragraph([{ text: '•  ' }, { text: gap.title, bold: true }, { text: `: ${report.gapLine(ctx.num(gap.score), gap.target, gap.levelLabel)}` }], { indent: 8, after: 2 });
      layout.y += 4;
    }
    if (summary.firstWave.length) {
      layout.heading(report.startWith.replace(/:$/, ''), 3);
      summary.firstWave.forEach((item, i) =>
        layout.paragraph([{ text: `${i + 1}.  ` }, { text: ctx.initiativeTitle(item.id), bold: true }, { text: `: ${ctx.reasonText(item)}` }], { indent: 8, after: 3 }),
      );
      layout.y += 4;
    }
    for (const warning of summary.warnings) layout.paragraph([{ text: '!  ', bold: true }, { text: warning }], { color: '#7a2e0b' });
    layout.heading(report.radarTitle(ctx.hasTargets), 3, 260);
    layout.figure(radarFigure(ctx), layout.contentWidth * 0.8);
    layout.paragraph(report.radarAlt(assessment.organisation, ctx.hasTargets), { size: 8.5, color: '#444444' });
  };

  const drawPosition = ({ phase, operatingModel }: Data<'position'>) => {
    layout.figure(placementFigure(ctx));
    if (phase) {
      layout.table(
        [
          { header: messages.cap(ctx.words.phase), width: 3 },
          { header: report.reachedCol, width: 1.2 },
          { header: report.requires, width: 5 },
        ],
        phase.phases.map((p) => [ctx.phaseTitle(p.number), p.reached ? messages.yes : messages.no, requirementsText(ctx, p.requirements)]),
        { title: ctx.words.phasesTitle, level: 3 },
      );
    }
    if (operatingModel) {
      layout.heading(ctx.words.stagesTitle, 3, 80);
      layout.paragraph(report.stagesIntro(ctx.words.stage, ctx.words.stages));
      layout.table(
        [
          { header: messages.cap(ctx.words.stage), width: 3 },
          { header: report.attainedCol, width: 1.2 },
          { header: report.progress, width: 1.2, align: 'right' },
          { header: report.requires, width: 5 },
        ],
        operatingModel.stages.map((st) => [ctx.stageTitle(st.id), st.attained ? messages.yes : messages.no, ctx.pct(st.attainment), requirementsText(ctx, st.requirements)]),
      );
    }
  };

  const drawScores = ({ groups, targetOverridden }: Data<'scores'>) => {
    const dims = new Map(ctx.result.dimensions.map((d) => [d.id, d]));
    layout.paragraph(report.scoresIntro, { size: 9, color: '#333333' });
    for (const group of groups) {
      if (group.title) layout.heading(group.title, 2, 80);
      if (group.description) layout.paragraph(group.description, { size: 9.5 });
      if (group.line) layout.paragraph(group.line, { size: 9.5 });
      layout.table(
        [
          { header: report.dimension, width: 3 },
          { header: report.score, width: 1, align: 'right' },
          { header: report.level, width: 1.8 },
          ...(ctx.hasTargets
            ? [
                { header: report.target, width: 1, align: 'right' as const },
                { header: report.gap, width: 0.9, align: 'right' as const },
              ]
            : []),
          { header: report.coverage, width: 2.4 },
          { header: report.answerShare, width: 1.2, align: 'right' },
          { header: report.spread, width: 1, align: 'right' },
        ],
        group.dimensions.map((id) => {
          const dimension = dims.get(id)!;
          return [
            ctx.dimTitle(id),
            ctx.num(dimension.score),
            levelText(ctx, dimension),
            ...(ctx.hasTargets ? [targetText(dimension), gapText(ctx, dimension)] : []),
            coverageText(ctx, dimension),
            ctx.pct(Math.round(dimension.coverage.answerRatio * 100)),
            spreadFlagged(ctx, dimension) ? [{ text: ctx.valueText(dimension.spread), bold: true }] : ctx.valueText(dimension.spread),
          ];
        }),
      );
      // What each dimension's level means, under its table (the level descriptors of the model).
      for (const id of group.dimensions) {
        const dimension = dims.get(id)!;
        if (dimension.level !== null)
          layout.paragraph([{ text: `${report.dimensionLevel(ctx.dimTitle(id), dimension.level)} `, bold: true }, { text: ctx.levelDescriptor(id, dimension.level) }], { size: 9, after: 3 });
      }
    }
    if (targetOverridden) layout.paragraph(`* ${report.targetOverridden}`, { size: 8.5, color: '#444444' });
  };

  const drawDisagreements = ({ questions }: Data<'disagreements'>) => {
    if (!questions.length) {
      layout.paragraph(report.noDisagreements(ctx.apart));
      return;
    }
    layout.paragraph(report.disagreementsIntro(questions.length, ctx.result.aggregation, ctx.apart));
    for (const { question: x, responses } of questions) {
      layout.heading(ctx.questionText(x.id), 3, 50);
      layout.paragraph(report.disagreementMeta(ctx.dimTitle(x.dimension), x.spread, ctx.result.aggregation, ctx.num(x.score)), { size: 9, color: '#444444' });
      for (const response of responses) {
        const note = response.noteNumber;
        layout.ensure(14);
        layout.paragraph([{ text: `${response.respondent}: `, bold: true }, { text: `${responseText(ctx, x.id, response)}${note === undefined ? '' : `; ${report.noteRef(note)}`}` }], {
          size: 9.5,
          indent: 6,
          after: 4,
        });
      }
    }
  };

  const drawRoadmap = ({ roadmap: rm, items, outcomes }: Data<'roadmap'>) => {
    if (!items.length) {
      layout.paragraph(report.noRoadmap);
      return;
    }
    layout.paragraph(roadmapIntro(ctx, rm, items.length));
    if (rm.months > rm.horizon) layout.paragraph(overrunText(ctx, rm));
    if (outcomes.length) {
      layout.heading(report.byOutcome, 2, 120);
      layout.paragraph(report.byOutcomeIntro);
      layout.table(
        [
          { header: report.outcome, width: 3 },
          { header: report.period, width: 3 },
          { header: report.initiatives, width: 8 },
        ],
        outcomes.map((o) => [[{ text: o.title, bold: true }], outcomeWorkText(ctx, o), outcomeInitiativesText(ctx, o)]),
      );
    }
    layout.heading(report.timeline, 2, 200);
    layout.figure(timelineFigure(ctx));
    layout.paragraph(report.timelineAlt(items.length), { size: 8.5, color: '#444444' });
    layout.heading(report.byWave, 2, 160);
    // Each initiative as a block over the full width: a table's narrow columns would take pages more.
    for (const wave of rm.waves) {
      layout.heading(ctx.waveTitle(wave.id), 3, 90);
      for (const item of wave.items) {
        const meta = initiativeMeta(ctx, item);
        layout.ensure(60);
        layout.paragraph([{ text: ctx.initiativeTitle(item.id), bold: true }], { size: 10, after: 1 });
        layout.paragraph(meta, { size: 8.5, color: '#444444', after: 3 });
        layout.paragraph([{ text: `${report.why} `, bold: true }, { text: ctx.reasonText(item) }], { size: 9, after: 3 });
        if (item.dependsOn.length) layout.paragraph([{ text: `${report.after} `, bold: true }, { text: item.dependsOn.map((d) => ctx.initiativeTitle(d)).join('; ') }], { size: 9, after: 3 });
        layout.paragraph(rationaleText(ctx, item.id), { size: 9, after: 9 });
      }
    }
  };

  const drawInPlace = ({ strengths: credited, groups }: Data<'in-place'>) => {
    layout.paragraph(credited.length ? report.inPlaceIntro : report.noneInPlace);
    for (const group of groups) {
      const proof = group.evidence;
      const evidence = `${proof.text} ${byAnswer(proof)
        .map((a) => `${a.answer}: ${a.respondents.map((x) => `${x.name}${x.noteNumber ? ` (${report.noteRef(x.noteNumber)})` : ''}`).join(', ')}`)
        .join('; ')}`;
      layout.paragraph([{ text: `${group.titles.join('; ')}: `, bold: true }, { text: evidence }], { size: 9.5, after: 5 });
    }
  };

  const drawAppendix = ({ respondents }: Data<'appendix'>) => {
    type Answer = Data<'appendix'>['respondents'][number]['answers'][number];
    const noteOf = (answer: Answer | undefined) => (answer?.note && answer.noteNumber !== undefined ? { n: answer.noteNumber, text: pdfNote(answer.note, report) } : undefined);
    const people = respondents.filter((p) => p.answers.length);
    for (const person of respondents.filter((p) => !p.answers.length)) layout.paragraph([{ text: `${report.respondent(person.name, person.role)}: `, bold: true }, { text: report.noAnswers }]);
    if (people.length && people.length <= 4) {
      // A few respondents side by side: each question once, each answer in its respondent's column, the
      // notes in full below, by number.
      const answered = people.map((p) => new Map(p.answers.map((x) => [x.question, x])));
      const rows = ctx.questionnaire.sections.flatMap((sec) => sec.questions).filter((x) => answered.some((byQuestion) => byQuestion.has(x.id)));
      layout.table(
        [{ header: report.asked, width: 3.4 }, ...people.map((p) => ({ header: p.name, width: 2 }))],
        rows.map((x) => [
          ctx.questionText(x.id),
          ...answered.map((byQuestion) => {
            const answer = byQuestion.get(x.id);
            if (answer === undefined) return '–';
            const note = noteOf(answer);
            return `${responseText(ctx, x.id, answer)}${note ? `; ${report.noteRef(note.n)}` : ''}`;
          }),
        ]),
      );
      const numbered = rows.flatMap((x) => people.flatMap((p, k) => (noteOf(answered[k]!.get(x.id)) ? [{ p, ...noteOf(answered[k]!.get(x.id))! }] : []))).sort((a, b) => a.n - b.n);
      if (numbered.length) {
        layout.heading(report.notes, 2, 40);
        for (const entry of numbered) layout.paragraph([{ text: `(${entry.n}) ${entry.p.name}: `, bold: true }, { text: entry.text }], { size: 8.5, after: 3 });
      }
    } else {
      for (const person of people) {
        layout.table(
          [
            { header: report.asked, width: 4.2 },
            { header: report.answer, width: 3.2 },
            { header: report.note, width: 3.6 },
          ],
          person.answers.map((answer) => {
            const note = noteOf(answer);
            return [ctx.questionText(answer.question), responseText(ctx, answer.question, answer), note ? report.noteNumbered(note.n, note.text) : ''];
          }),
          { title: report.respondent(person.name, person.role), level: 2 },
        );
      }
    }
  };

  for (const sec of sections) {
    const place = PDF_PLACEMENT[sec.id];
    if (place.newPage) layout.newPage();
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

  if (layout.replaced) layout.paragraph(report.missingGlyphs, { size: 8.5, color: '#444444' });

  // Contents, now that every section has its page.
  const range = doc.bufferedPageRange();
  doc.switchToPage(tocPage);
  layout.y = tocY;
  layout.heading(report.contents, 1, 0);
  for (const entry of toc) {
    const y = layout.y;
    const num = String(entry.page + 1);
    const lines = layout.wrap([{ text: entry.title }], layout.contentWidth - 60, 11);
    layout.drawLine(lines[0]!, layout.left, y, 11, COLORS.text);
    const nw = layout.measure(num, false, 11);
    layout.drawLine(layout.wrap([{ text: num }], 100, 11)[0]!, layout.right - nw, y, 11, COLORS.text);
    doc.goTo(layout.left, y, layout.contentWidth, 14, entry.dest);
    layout.y += 20;
  }

  // Footers: "Page X of Y" on every page but the cover.
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = layout.height - 40;
    doc
      .moveTo(layout.left, y - 6)
      .lineTo(layout.right, y - 6)
      .lineWidth(0.5)
      .strokeColor('#c8c8c8')
      .stroke();
    // The running title is the organisation; a long one is shortened visibly (the cover has it whole).
    const orgLines = layout.wrap([{ text: assessment.organisation }], layout.contentWidth - 120, 8);
    const left = orgLines.length > 1 ? layout.wrap([{ text: `${orgLines[0]!.map((tk) => tk.text).join(' ')} …` }], layout.contentWidth - 100, 8)[0]! : orgLines[0]!;
    layout.drawLine(left, layout.left, y, 8, '#555555');
    const page = report.page(i + 1, range.count);
    layout.drawLine(layout.wrap([{ text: page }], 200, 8)[0]!, layout.right - layout.measure(page, false, 8), y, 8, '#555555');
  }
  doc.end();
  return done;
}
