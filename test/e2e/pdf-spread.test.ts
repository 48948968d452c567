/** The spread in the PDF's score tables is written as Markdown and HTML write it: with the report language's decimal mark. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtures, itaas, tempDir } from '../helpers.js';

it('German PDF: a spread of half a level reads "0,5", as in the Markdown report', () => {
  const dir = tempDir();
  for (const file of ['samm.yaml', 'samm-questionnaire.yaml']) copyFileSync(join(fixtures, 'models', file), join(dir, file));
  // A second respondent who says "no" where the first said "half" (level 0.5): the answers are half a level apart.
  const answers = readFileSync(join(fixtures, 'models', 'samm-answers.yaml'), 'utf8');
  const second = '  - name: Casey Moreau\n    role: Engineering manager\n    completed: false\n    answers:\n      sm-b1: "no"\n      eg-a2: "no"\n';
  writeFileSync(join(dir, 'two.yaml'), `${answers.trimEnd()}\n${second}`);
  const r = itaas(['report', join(dir, 'two.yaml'), '--out', join(dir, 'out'), '--format', 'md,pdf', '--lang', 'de']);
  expect(r.code, r.stderr).toBe(0);
  const md = readFileSync(join(dir, 'out', 'two.md'), 'utf8');
  expect(md).toMatch(/\| (\*\*)?0,5(\*\*)? \|\n/);
  const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', join(dir, 'out', 'two.pdf'), '-'], { encoding: 'utf8' });
  expect(pdf).toMatch(/\s0,5\n/);
  expect(pdf).not.toMatch(/\s0\.5\n/);
});
