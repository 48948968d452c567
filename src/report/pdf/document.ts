import { answerParts } from '../../schema/answer-parts.js';
import { COLORS, placementFigure, radarFigure, timelineFigure } from '../charts.js';
import { gapText, scoreGroups, targetText } from '../context.js';
import type { ReportContext } from '../context.js';
import type { RenderOptions } from '../formats.js';
import { byAnswer, evidenceGroups, roadmapByOutcome, strengths, summary } from '../summary.js';
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

export async function renderPdf(ctx: ReportContext, opts: PdfOptions = {}): Promise<Buffer> {
  const t = ctx.messages;
  const r = t.report;
  const { result, model, answers } = ctx;
  const a = answers.assessment;
  const s = summary(ctx);
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
  const dims = new Map(result.dimensions.map((d) => [d.id, d]));
  const reqs = (list: Array<{ dimension: string; score: number | null; min: number; met: boolean }>) =>
    list.map((q) => `${ctx.dimTitle(q.dimension)} ${ctx.num(q.score)} / ${q.min}${q.met ? ' ✓' : ' ✗'}`).join('; ');

  // Cover.
  l.newPage();
  doc.rect(0, 0, l.width, 10).fillColor(COLORS.current).fill();
  l.y = 150;
  l.paragraph(ctx.modelText(model.title).toUpperCase(), { size: 11, color: '#444444', after: 10 });
  l.paragraph([{ text: a.organisation, bold: true }], { size: 26, lineHeight: 32, after: 24 });
  const meta: Array<[string, string]> = [];
  if (a.scope) meta.push([r.scope, a.scope]);
  meta.push([r.date, a.date]);
  if (a.assessor) meta.push([r.assessor, a.assessor]);
  meta.push([r.respondents, answers.respondents.length ? answers.respondents.map((p) => r.respondent(p.name, p.role)).join(', ') : t.none]);
  meta.push([r.questionnaire, `${ctx.questionnaire.id} ${ctx.questionnaire.version}`]);
  meta.push([r.modelVersion, `${model.id} ${model.version}`]);
  for (const [k, v] of meta) l.paragraph([{ text: `${k}: `, bold: true }, { text: v }], { size: 11, after: 4 });
  l.y += 20;
  l.paragraph(s.paragraphs[0] ?? '', { size: 11, color: '#333333' });

  // Contents: below the summary on the cover where they fit, else on a page of their own; filled in once
  // every section knows its page.
  const { phase, operatingModel } = result;
  const rm = result.roadmap;
  const sections = 4 + (phase || operatingModel ? 1 : 0) + (rm ? 2 : 0);
  if (l.bottom - l.y - 30 < 60 + 20 * sections) l.newPage();
  else l.y += 30;
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocY = l.y;

  l.newPage();
  section(r.executiveSummary, 'summary');
  l.paragraph([{ text: ctx.overallLine, bold: true }]);
  for (const p of s.paragraphs) l.paragraph(p);
  if (s.topGaps.length) {
    l.heading(r.largestGaps.replace(/:$/, ''), 3);
    for (const g of s.topGaps) l.paragraph([{ text: '•  ' }, { text: g.title, bold: true }, { text: `: ${r.gapLine(ctx.num(g.score), g.target, g.levelLabel)}` }], { indent: 8, after: 2 });
    l.y += 4;
  }
  if (s.firstWave.length) {
    l.heading(r.startWith.replace(/:$/, ''), 3);
    s.firstWave.forEach((it, i) => l.paragraph([{ text: `${i + 1}.  ` }, { text: ctx.initiativeTitle(it.id), bold: true }, { text: `: ${ctx.reasonText(it)}` }], { indent: 8, after: 3 }));
    l.y += 4;
  }
  for (const w of s.warnings) l.paragraph([{ text: '!  ', bold: true }, { text: w }], { color: '#7a2e0b' });
  l.heading(r.radarTitle(ctx.hasTargets), 3, 260);
  l.figure(radarFigure(ctx), l.contentWidth * 0.8);
  l.paragraph(r.radarAlt(a.organisation, ctx.hasTargets), { size: 8.5, color: '#444444' });

  if (phase || operatingModel) {
    section(r.whereItStands, 'position', 160);
    l.figure(placementFigure(ctx));
  }
  if (phase) {
    l.table(
      [
        { header: t.cap(ctx.words.phase), width: 3 },
        { header: r.reachedCol, width: 1.2 },
        { header: r.requires, width: 5 },
      ],
      phase.phases.map((p) => [ctx.phaseTitle(p.number), p.reached ? t.yes : t.no, reqs(p.requirements)]),
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
      operatingModel.stages.map((st) => [ctx.stageTitle(st.id), st.attained ? t.yes : t.no, ctx.pct(st.attainment), reqs(st.requirements)]),
    );
  }

  const groups = scoreGroups(ctx);
  section(result.axes.length ? r.scoresByAxis : r.scores, 'scores', 160);
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
          d.level === null ? t.notAssessed : `${d.level} ${ctx.levelLabel(d.level)}`,
          ...(ctx.hasTargets ? [targetText(d), gapText(ctx, d)] : []),
          r.coverageValue(ctx.pct(Math.round(d.coverage.ratio * 100)), d.coverage.answered, d.coverage.asked),
          ctx.pct(Math.round(d.coverage.answerRatio * 100)),
          d.spread >= result.scoring.disagreement ? [{ text: String(d.spread), bold: true }] : String(d.spread),
        ];
      }),
    );
    // What each dimension's level means, under its table (the level descriptors of the model).
    for (const id of g.dimensions) {
      const d = dims.get(id)!;
      if (d.level !== null) l.paragraph([{ text: `${r.dimensionLevel(ctx.dimTitle(id), d.level)} `, bold: true }, { text: ctx.levelDescriptor(id, d.level) }], { size: 9, after: 3 });
    }
  }
  if (result.dimensions.some((d) => d.targetSource === 'assessment')) l.paragraph(`* ${r.targetOverridden}`, { size: 8.5, color: '#444444' });

  section(r.disagreements, 'disagreements', 120);
  const disagreements = result.questions.filter((x) => x.disagreement);
  if (!disagreements.length) l.paragraph(r.noDisagreements(ctx.apart));
  else {
    l.paragraph(r.disagreementsIntro(disagreements.length, ctx.result.aggregation, ctx.apart));
    for (const x of disagreements) {
      l.heading(ctx.questionText(x.id), 3, 50);
      l.paragraph(r.disagreementMeta(ctx.dimTitle(x.dimension), x.spread, ctx.result.aggregation, ctx.num(x.score)), { size: 9, color: '#444444' });
      for (const p of x.responses.filter((p) => p.status === 'answered' || p.status === 'na' || p.status === 'dontKnow')) {
        const n = p.note ? ctx.noteNumber(p.respondent, x.id) : undefined;
        l.ensure(14);
        l.paragraph(
          [
            { text: `${p.respondent}: `, bold: true },
            { text: `${ctx.optionLabel(x.id, p.option!)}${p.level !== undefined ? ` (${r.levelWord(ctx.valueText(p.level))})` : ''}${n === undefined ? '' : `; ${r.noteRef(n)}`}` },
          ],
          { size: 9.5, indent: 6, after: 4 },
        );
      }
    }
  }

  const items = rm?.waves.flatMap((w) => w.items) ?? [];
  if (rm) {
    l.newPage();
    section(r.roadmap, 'roadmap');
  }
  if (rm && !items.length) l.paragraph(r.noRoadmap);
  else if (rm) {
    l.paragraph(r.roadmapIntro(items.length, rm.months, rm.capacity, ctx.monthLabel(0), ctx.monthLabel(Math.max(0, rm.months - 1))));
    if (rm.months > rm.horizon) l.paragraph(r.overrun(rm.months, rm.horizon, rm.capacity, rm.capacityToFit, rm.criticalPath));
    const outcomes = roadmapByOutcome(ctx);
    if (outcomes.length) {
      l.heading(r.byOutcome, 2, 120);
      l.paragraph(r.byOutcomeIntro);
      l.table(
        [
          { header: r.outcome, width: 3 },
          { header: r.period, width: 3 },
          { header: r.initiatives, width: 8 },
        ],
        outcomes.map((o) => [
          [{ text: o.title, bold: true }],
          [r.outcomeWork(o.items.length, ctx.period(o.fromMonth, o.toMonth)), o.inPlace.length ? `; ${r.outcomeInPlace(o.inPlace.length)}` : ''].join(''),
          o.items.length ? o.items.map((id) => ctx.initiativeTitle(id)).join('; ') : '–',
        ]),
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
        const meta = r.initiativeMeta(ctx.effortLabel(it.effort), ctx.period(it.start, it.end), it.raises.map((x) => `${ctx.dimTitle(x.dimension)} ${x.from}→${x.to}`).join(', '));
        l.ensure(60);
        l.paragraph([{ text: ctx.initiativeTitle(it.id), bold: true }], { size: 10, after: 1 });
        l.paragraph(meta, { size: 8.5, color: '#444444', after: 3 });
        l.paragraph([{ text: `${r.why} `, bold: true }, { text: ctx.reasonText(it) }], { size: 9, after: 3 });
        if (it.dependsOn.length) l.paragraph([{ text: `${r.after} `, bold: true }, { text: it.dependsOn.map((d) => ctx.initiativeTitle(d)).join('; ') }], { size: 9, after: 3 });
        l.paragraph(
          ctx
            .modelText(model.initiatives.find((i) => i.id === it.id)?.rationale)
            .replace(/\s+/g, ' ')
            .trim(),
          { size: 9, after: 9 },
        );
      }
    }
  }

  if (rm) {
    const credited = strengths(ctx);
    section(r.inPlaceTitle, 'in-place', 120);
    l.paragraph(credited.length ? r.inPlaceIntro : r.noneInPlace);
    for (const g of evidenceGroups(credited)) {
      const e = g.evidence;
      const evidence = `${e.text} ${byAnswer(e)
        .map((a) => `${a.answer}: ${a.respondents.map((x) => `${x.name}${x.noteNumber ? ` (${r.noteRef(x.noteNumber)})` : ''}`).join(', ')}`)
        .join('; ')}`;
      l.paragraph([{ text: `${g.titles.join('; ')}: `, bold: true }, { text: evidence }], { size: 9.5, after: 5 });
    }
  }

  l.newPage();
  section(r.appendix, 'appendix');
  const questions = ctx.questionnaire.sections.flatMap((sec) => sec.questions);
  type Person = (typeof answers.respondents)[number];
  type Asked = (typeof questions)[number];
  const answerLabel = (p: Person, x: Asked) => {
    const { option } = answerParts(p.answers[x.id]!);
    const level = x.options.find((o) => o.id === option)?.level;
    return `${ctx.optionLabel(x.id, option)}${level === undefined ? '' : ` (${r.levelWord(ctx.valueText(level))})`}`;
  };
  const noteOf = (p: Person, x: Asked) => {
    const a = p.answers[x.id];
    const note = a === undefined ? undefined : answerParts(a).note;
    const n = note ? ctx.noteNumber(p.name, x.id) : undefined;
    return n === undefined ? undefined : { n, text: pdfNote(note!, r) };
  };
  const people = answers.respondents.filter((p) => questions.some((x) => p.answers[x.id] !== undefined));
  for (const p of answers.respondents.filter((p) => !people.includes(p))) l.paragraph([{ text: `${r.respondent(p.name, p.role)}: `, bold: true }, { text: r.noAnswers }]);
  if (people.length && people.length <= 4) {
    // A few respondents side by side: each question once, each answer in its respondent's column, the
    // notes in full below, by number.
    const rows = questions.filter((x) => people.some((p) => p.answers[x.id] !== undefined));
    l.table(
      [{ header: r.asked, width: 3.4 }, ...people.map((p) => ({ header: p.name, width: 2 }))],
      rows.map((x) => [
        ctx.questionText(x.id),
        ...people.map((p) => {
          if (p.answers[x.id] === undefined) return '–';
          const note = noteOf(p, x);
          return `${answerLabel(p, x)}${note ? `; ${r.noteRef(note.n)}` : ''}`;
        }),
      ]),
    );
    const numbered = rows.flatMap((x) => people.flatMap((p) => (noteOf(p, x) ? [{ p, ...noteOf(p, x)! }] : []))).sort((a, b) => a.n - b.n);
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
        questions
          .filter((x) => p.answers[x.id] !== undefined)
          .map((x) => {
            const note = noteOf(p, x);
            return [ctx.questionText(x.id), answerLabel(p, x), note ? r.noteNumbered(note.n, note.text) : ''];
          }),
        { title: r.respondent(p.name, p.role), level: 2 },
      );
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
