import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

// Golden reports for every example answers file. After a deliberate change, read the new reports, then
// rewrite them with: UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts
const goldenDir = join(root, 'test', 'golden');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const update = process.env.UPDATE_GOLDEN === '1';

function render(env: Record<string, string | undefined> = {}): string {
  const out = tempDir('itaas-golden-');
  const r = itaas(['report', ...examples.map((f) => `examples/${f}`), '--out', out, '--format', 'md,json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return out;
}

describe('golden reports', () => {
  it('has an example to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  const out = render();
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    for (const f of examples)
      for (const ext of ['md', 'json']) {
        const name = f.replace(/\.yaml$/, `.${ext}`);
        writeFileSync(join(goldenDir, name), readFileSync(join(out, name)));
      }
  }

  it.each(examples.flatMap((f) => ['md', 'json'].map((ext) => f.replace(/\.yaml$/, `.${ext}`))))('%s matches test/golden byte for byte', (name) => {
    const want = readFileSync(join(goldenDir, name), 'utf8');
    const got = readFileSync(join(out, name), 'utf8');
    expect(got).toBe(want);
  });

  it('gives identical bytes whatever the time zone, locale and clock', () => {
    const other = render({ TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', SOURCE_DATE_EPOCH: '86400' });
    for (const f of readdirSync(out).sort()) expect(readFileSync(join(other, f)), f).toEqual(readFileSync(join(out, f)));
    expect(readdirSync(other).sort()).toEqual(readdirSync(out).sort());
  });

  it('gives the same bytes when the built-in files are parsed and checked afresh instead of taken from the build', () => {
    const fresh = render({ ITAAS_NO_PRECOMPILED: '1' });
    for (const f of readdirSync(out).sort()) expect(readFileSync(join(fresh, f)), f).toEqual(readFileSync(join(out, f)));
  });
});
