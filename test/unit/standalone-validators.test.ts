/** The validators generated from the zod schemas: committed, current, and only made from what JSON Schema can say. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Answers } from '../../src/schema/answers.js';
import { IsoDate } from '../../src/schema/common.js';
import { assertPlain, standaloneSource } from '../../src/schema/standalone.js';
import { validate } from '../../src/schema/validators/answers.js';
import { root } from '../helpers.js';

describe('standalone validators', () => {
  it('the committed answers validator is the one the zod schema gives (run `npm run build && npm run schemas` if not)', () => {
    expect(readFileSync(join(root, 'src', 'schema', 'validators', 'answers.ts'), 'utf8')).toBe(standaloneSource('answers', Answers));
  });

  it.each([
    ['a refinement', z.strictObject({ n: z.number().refine((n) => n % 2 === 0) }), /n: a "custom" check/],
    ['a transform', z.strictObject({ s: z.string().transform((s) => s.trim()) }), /s: a zod "pipe"/],
    ['a pattern with flags', z.strictObject({ s: z.string().regex(/^a$/i) }), /has flags/],
    ['an object that keeps unknown keys', z.looseObject({ a: z.string() }), /keeps unknown keys/],
    ['a refinement deep in a list', z.strictObject({ list: z.array(z.strictObject({ d: IsoDate.refine(() => true) })) }), /list\[\]\.d: a "custom" check/],
  ])('are refused for a schema with %s', (_what, schema, message) => {
    expect(() => assertPlain(schema)).toThrow(message);
  });

  it('accepts the answers schema as it is', () => {
    expect(() => assertPlain(Answers)).not.toThrow();
  });

  it('the date pattern accepts exactly the days of the calendar', () => {
    const real = (s: string) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    };
    const years = [0, 1, 4, 100, 400, 1600, 1700, 1800, 2400, 2500, 9996, 9999];
    for (let y = 1890; y <= 2110; y++) years.push(y);
    const two = (n: number) => String(n).padStart(2, '0');
    let checked = 0;
    // Collected, then compared once: an expect per date costs more than the check itself.
    const wrong: string[] = [];
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
          const accepted = IsoDate.safeParse(s).success;
          if (accepted !== real(s)) wrong.push(`${s} ${accepted ? 'accepted' : 'refused'}`);
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  it('fills in the defaults zod fills in', () => {
    const data = { kind: 'answers', questionnaire: { id: 'q', version: '1.0.0' }, assessment: { organisation: 'O', date: '2025-01-31' }, respondents: [{ name: 'N' }] };
    expect(validate(data)).toBe(true);
    expect(data).toEqual(Answers.parse(structuredClone({ ...data, respondents: [{ name: 'N' }] })));
  });
});
