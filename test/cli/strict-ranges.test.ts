import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas } from '../helpers.js';

describe('validate --strict: ranges in option labels against the level descriptors', () => {
  it('warns where an option states another range than the descriptor of the level it scores, in each language', () => {
    const r = itaas(['validate', '--strict', join(fixtures, 'ranges', 'questionnaire.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('state the same range'));
    expect(warnings).toEqual([
      expect.stringMatching(/questionnaire\.yaml:22:\d+: warning: .*option "most" of "scripted-share" says "60% to 90%", but level 3 of dimension "automation" says "At least 80%" \(en\)/),
      expect.stringMatching(/questionnaire\.yaml:22:\d+: warning: .*option "most" of "scripted-share" says "60 % bis 90 %", but level 3 of dimension "automation" says "Mindestens 80 %" \(de\)/),
      expect.stringMatching(
        /questionnaire\.yaml:31:\d+: warning: .*option "few-days" of "server-lead-time" says "A few days to a week", but level 3 of dimension "automation" says "the same day"; make the option and the level descriptor state the same range/,
      ),
    ]);
  });

  it('finds the ranges of the built-in questionnaire and model in agreement', () => {
    const r = itaas(['validate', '--strict', 'models/itaas.yaml', 'questionnaires/itaas-core.yaml']);
    expect(r.stdout).not.toContain('make the option and the level descriptor state the same range');
    expect(r.code).toBe(0);
  });
});
