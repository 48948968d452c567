import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conditionLeaves } from '../../src/core/conditions.js';
import { Model } from '../../src/schema/model.js';
import { Questionnaire } from '../../src/schema/questionnaire.js';

const root = join(import.meta.dirname, '..', '..');
const model = Model.parse(parse(readFileSync(join(root, 'models', 'itaas.yaml'), 'utf8')));
const questionnaire = Questionnaire.parse(parse(readFileSync(join(root, 'questionnaires', 'itaas-core.yaml'), 'utf8')));
const options = new Map(questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))] as const)));

describe('the built-in model credits work the questionnaire can see', () => {
  it('gives nearly every initiative a done-condition, and each names questions and options that exist', () => {
    const without = model.initiatives.filter((i) => !i.doneWhen).map((i) => i.id);
    // Nothing in the questionnaire tells whether cloud spend is managed or capacity bursts into public cloud.
    expect(without.sort()).toEqual(['enable-hybrid-cloud-bursting', 'manage-cloud-spend']);
    for (const it of model.initiatives) {
      for (const leaf of it.doneWhen ? conditionLeaves(it.doneWhen) : []) {
        expect(options.has(leaf.question), `${it.id}: question ${leaf.question}`).toBe(true);
        for (const v of leaf.values) expect(options.get(leaf.question)!.has(v), `${it.id}: ${leaf.question} has option ${v}`).toBe(true);
      }
    }
  });

  it('names the outcomes each initiative serves', () => {
    expect(model.outcomes.map((o) => o.id)).toEqual(['capex-savings', 'faster-business-production', 'quality-of-service', 'lower-opex', 'agility']);
    for (const it of model.initiatives) expect(it.outcomes.length, it.id).toBeGreaterThan(0);
  });
});
