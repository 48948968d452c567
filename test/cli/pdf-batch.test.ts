/** A PDF made in a batch is the same file as the one made alone: fonts and shaped words are shared safely. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

describe('PDF reports in a batch', { timeout: 180_000 }, () => {
  it('are byte-identical to the same reports made one at a time, and dated SOURCE_DATE_EPOCH when it is set', () => {
    const files = [join(fixtures, 'hostile-answers.yaml'), join(root, 'examples', 'northwind-logistics.yaml'), join(root, 'examples', 'meridian-health.yaml')];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const together = tempDir();
    const r = itaas(['report', ...files, '--out', together, '--format', 'pdf'], { env });
    expect(r.code, r.stderr).toBe(0);
    // The first file of a batch is made with nothing shared yet, as it would be alone; the later ones meet the fonts
    // and shaped words the hostile answers (every script, odd characters) left behind. Those are made alone to compare.
    for (const f of files.slice(1)) {
      const alone = tempDir();
      const one = itaas(['report', f, '--out', alone, '--format', 'pdf'], { env });
      expect(one.code, one.stderr).toBe(0);
      const name = f.replace(/^.*\//, '').replace(/\.yaml$/, '.pdf');
      expect(readFileSync(join(together, name)).equals(readFileSync(join(alone, name))), name).toBe(true);
    }
    // The creation date is SOURCE_DATE_EPOCH's when it is set (else the assessment's date: report-determinism.test.ts).
    expect(readFileSync(join(together, 'northwind-logistics.pdf'), 'latin1')).toContain('(D:20231114221320Z)');
  });
});
