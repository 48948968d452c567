import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

const OSC_TITLE = '\u001b]2;owned\u0007';
const OSC_CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const CSI_C1 = '\u009b2J';

/** The example answers file with a hostile option id and respondent name. */
function hostileAnswers(): string {
  const dir = tempDir();
  const text = readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8')
    .replace('virtualization-beyond-servers: most-layers', `virtualization-beyond-servers: "most-layers${OSC_TITLE}"`)
    .replace('- name: Martin Halvorsen', `- name: "Martin${OSC_CLIPBOARD}${CSI_C1}"`);
  const file = join(dir, 'hostile.yaml');
  writeFileSync(file, text);
  return file;
}

function expectInert(out: string): void {
  expect(out).not.toContain('\u001b]');
  expect(out).not.toContain('\u0007');
  expect(out).not.toContain('\u009b');
  expect(out).toContain('␛]2;owned␇');
}

describe('text from a file that reaches the terminal', () => {
  it('is shown with its control characters made visible by validate', () => {
    const r = itaas(['validate', hostileAnswers()]);
    expect(r.code).toBe(2);
    expectInert(r.stdout + r.stderr);
  });

  it('is shown with its control characters made visible by report', () => {
    const r = itaas(['report', hostileAnswers(), '--out', tempDir(), '--format', 'md']);
    expect(r.code).toBe(2);
    expectInert(r.stdout + r.stderr);
  });

  it('keeps C1 and bidi controls escaped in JSON printed to the terminal', () => {
    const r = itaas(['report', hostileAnswers(), '--out', tempDir(), '--format', 'md', '--json']);
    expect(r.stdout).not.toContain('\u009b');
    expect(r.stdout).not.toContain('\u001b');
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('owned');
  });
});
