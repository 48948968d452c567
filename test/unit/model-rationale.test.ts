import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { renderBuiltinRationale } from '../../scripts/model-rationale.mjs';

const root = join(import.meta.dirname, '..', '..');

describe('docs/model-rationale.md', () => {
  const committed = readFileSync(join(root, 'docs', 'model-rationale.md'), 'utf8');

  it('is what the built-in model and questionnaire give now (run `npm run rationale` after changing either)', () => {
    expect(committed).toBe(renderBuiltinRationale());
  });

  it('traces every dimension to the article and sets each descriptor beside the options that score it', () => {
    for (const title of ['Virtualization', 'Pay per use', 'Availability and resilience']) expect(committed).toContain(`\n### ${title}\n`);
    expect(committed.match(/^> /gm)!.length).toBeGreaterThanOrEqual(14);
    expect(committed).toContain('| 3 Managed | 60% to 90% of server workloads');
    expect(committed).toContain('`server-virtualization-share`: **60% to 90%**');
  });
});
