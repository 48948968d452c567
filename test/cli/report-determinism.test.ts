import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const files = [join(root, 'examples', 'northwind-logistics.yaml'), join(fixtures, 'hostile-answers.yaml')];

describe('HTML and PDF reports are deterministic', () => {
  it('gives byte-identical files whatever the time zone, locale or clock', () => {
    const a = tempDir();
    const b = tempDir();
    const ra = itaas(['report', ...files, '--out', a, '--format', 'html,pdf,md'], { env: { TZ: 'UTC', LC_ALL: 'C', LANG: 'C' } });
    const rb = itaas(['report', ...files, '--out', b, '--format', 'html,pdf,md'], { env: { TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } });
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    for (const name of ['northwind-logistics', 'hostile-answers']) {
      for (const ext of ['html', 'pdf', 'md']) {
        const x = readFileSync(join(a, `${name}.${ext}`));
        const y = readFileSync(join(b, `${name}.${ext}`));
        expect(x.equals(y), `${name}.${ext} differs`).toBe(true);
      }
    }
    const pdf = readFileSync(join(a, 'northwind-logistics.pdf'), 'latin1');
    expect(pdf).toContain('(D:20250312000000Z)');
  });

  // A creation date taken from SOURCE_DATE_EPOCH: pdf-batch.test.ts, which makes that PDF anyway.
});
