/** The cheaper ways to pdfkit's bytes (content.ts) give the bytes pdfkit's own path gives. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectPageContent, plainDestinationOrder } from '../../src/report/pdf/content.js';
import { root } from '../helpers.js';

const require = createRequire(join(root, 'package.json'));
type Doc = PDFKit.PDFDocument;
const PDFDocument = require('pdfkit') as new (o: PDFKit.PDFDocumentOptions) => Doc;
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

/** A small document with text, shapes, named destinations and a return to an earlier page, with or without the changes. */
async function render(tuned: boolean, names: string[]): Promise<Buffer> {
  const date = new Date('2025-01-01T00:00:00Z');
  const doc = new PDFDocument({ font: null as unknown as string, autoFirstPage: false, bufferPages: true, compress: true, info: { CreationDate: date, ModDate: date } });
  if (tuned) {
    collectPageContent(doc as never);
    plainDestinationOrder(doc as never);
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', FONT);
  names.forEach((name, i) => {
    doc.addPage({ size: [300, 400], margin: 0 });
    doc
      .font('body')
      .fontSize(10)
      .fillColor('#10243e')
      .text(`Page ${i + 1}: ${name} – Ünïcödé ΑΒΓ`, 20, 20, { lineBreak: false });
    doc.rect(10, 40, 100, 20).fillColor('#eef2f7').fill();
    doc.moveTo(10, 80).lineTo(200, 80).lineWidth(0.5).strokeColor('#c8c8c8').stroke();
    doc.addNamedDestination(name, 'XYZ', 10, 10, 0);
  });
  doc.switchToPage(0);
  doc.text('Contents', 20, 100, { lineBreak: false });
  doc.end();
  return done;
}

describe('PDF content', () => {
  const names = ['summary', 'position', 'scores', 'disagreements', 'roadmap', 'in-place', 'appendix', 'section-2', 'a0', 'a-b'];

  it('collected page content and plain destination names give pdfkit’s bytes', async () => {
    const [plain, tuned] = await Promise.all([render(false, names), render(true, names)]);
    expect(tuned.length).toBeGreaterThan(1000);
    expect(tuned.equals(plain)).toBe(true);
  });

  it('names that are not plain ASCII are still ordered by pdfkit’s collation', async () => {
    const mixed = ['Zebra', 'apple', 'Äpfel', 'b', 'a-b', 'ab'];
    const [plain, tuned] = await Promise.all([render(false, mixed), render(true, mixed)]);
    expect(tuned.equals(plain)).toBe(true);
  });

  it('plain names sort by code unit exactly as by collation', () => {
    const plainNames = [...names, '0', '9a', '-', 'a--', 'z', 'az-9'];
    expect([...plainNames].sort()).toEqual([...plainNames].sort((a, b) => a.localeCompare(b)));
  });
});
