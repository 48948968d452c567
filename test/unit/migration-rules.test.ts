import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Migration } from '../../src/schema/migration.js';
import { Questionnaire } from '../../src/schema/questionnaire.js';
import { fixtures, root } from '../helpers.js';

// The rules that carry itaas-core 1.0.0 answers over to 2.0.0 must account for every difference between
// the two question sets: a question whose text, help, options, weight or condition changed is listed
// (so its answers are kept only where the rules say they still mean the same), a question 2.0.0 added
// is listed as added, and nothing else differs.

const load = (file: string) => Questionnaire.parse(parse(readFileSync(file, 'utf8')));
const before = load(join(fixtures, 'migrate', 'itaas-core-1.0.0.yaml'));
const after = load(join(root, 'questionnaires', 'itaas-core.yaml'));
const rules = Migration.parse(parse(readFileSync(join(root, 'questionnaires', 'migrations', 'itaas-core-1.0.0.yaml'), 'utf8')));
const questions = (q: Questionnaire) => new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
const old = questions(before);
const now = questions(after);
const asked = (q: Questionnaire['sections'][number]['questions'][number]) => ({
  dimension: q.dimension,
  text: q.text,
  help: q.help,
  weight: q.weight,
  when: q.when,
  allowNa: q.allowNa,
  allowDontKnow: q.allowDontKnow,
  options: q.options.map((o) => ({ id: o.id, level: o.level, label: o.label, description: o.description })),
});

describe('migration rules itaas-core 1.0.0 -> 2.0.0', () => {
  it('go from the version before to the built-in one', () => {
    expect(before.version).toBe('1.0.0');
    expect(rules).toMatchObject({ questionnaire: 'itaas-core', from: before.version, to: after.version });
  });

  it('list exactly the questions 2.0.0 added', () => {
    expect([...rules.added].sort()).toEqual([...now.keys()].filter((id) => !old.has(id)).sort());
  });

  it('list every question whose wording, options or weight changed, and no other', () => {
    const changed = [...old.keys()].filter((id) => JSON.stringify(asked(old.get(id)!)) !== JSON.stringify(asked(now.get(id)!)));
    expect(Object.keys(rules.changed).sort()).toEqual(changed.sort());
  });

  it('keep only options that 2.0.0 still offers for the same question', () => {
    for (const [id, rule] of Object.entries(rules.changed)) {
      const q = now.get(id)!;
      const offered = new Set([...q.options.map((o) => o.id), ...(q.allowNa ? ['na'] : []), ...(q.allowDontKnow ? ['dontKnow'] : [])]);
      for (const option of rule.keep) expect(offered.has(option), `${id}: ${option}`).toBe(true);
    }
  });

  it('take out every answer to a question that now asks something else', () => {
    expect(rules.changed['external-service-use']!.keep).toEqual([]);
    expect(rules.changed['supplier-consumption-contracts']!.keep).toEqual([]);
    // Level 3 was "agreed service levels per key service"; in 2.0.0 it is "written down for every catalogue service".
    expect(rules.changed['sla-definition']!.keep).not.toContain('per-service');
  });
});
