import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

describe('a very long note', () => {
  it('is shortened in the PDF with a pointer to the full text, and kept whole in Markdown, JSON, HTML and CSV', () => {
    const dir = tempDir();
    const note = 'word '.repeat(200_000).trim();
    const text = readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8').replace(
      'note: Everything except the sorter controllers in the hubs and the old midrange box that does customs declarations.',
      `note: "${note}"`,
    );
    writeFileSync(join(dir, 'big.yaml'), text);
    const r = itaas(['report', join(dir, 'big.yaml'), '--format', 'pdf,md,json,html,csv', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const pdf = join(dir, 'out', 'big.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeLessThan(60);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(`the note has ${note.length} characters`);
    expect(readFileSync(join(dir, 'out', 'big.md'), 'utf8')).toContain(note.slice(0, 5000));
    const json = JSON.parse(readFileSync(join(dir, 'out', 'big.json'), 'utf8')) as { questions: Array<{ responses: Array<{ note?: string }> }> };
    expect(json.questions.flatMap((q) => q.responses.map((x) => x.note))).toContain(note);
    expect(readFileSync(join(dir, 'out', 'big.html'), 'utf8')).toContain(note);
    expect(readFileSync(join(dir, 'out', 'big.answers.csv'), 'utf8')).toContain(note);
  });
});
