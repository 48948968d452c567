import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { itaas, once, root, tempDir } from '../helpers.js';

// What a sceptical reader checks in the roadmap of the shipped examples, read from the JSON report.

type Cond = { question: string; in?: string[]; notIn?: string[] } | { all: Cond[] } | { any: Cond[] } | { not: Cond };
interface Item {
  id: string;
  start: number;
  end: number;
  startMonth: string;
  raises: Array<{ dimension: string; from: number; to: number }>;
  blockerPath: boolean;
  reason: { gaps: Array<{ dimension: string; from: number; to: number; closes: number; with: string[]; holdsBackPhase: boolean }> };
}
interface Report {
  phase: { next: { heldBackBy: string | null; blockers: Array<{ dimension: string; min: number }> } | null };
  roadmap: { months: number; start: string; capacity: number; waves: Array<{ id: string; fromMonth: number; toMonth: number; items: Item[] }> };
  strengths: Array<{ id: string; evidence: Array<{ question: string; answer: string | null }> }>;
  questions: Array<{ id: string; responses: Array<{ status: string; option: string | null; level: number | null }> }>;
}

/**
 * The built-in model or questionnaire as the build checked and kept it (dist/builtin), read as JSON: parsing the
 * YAML here again cost most of a second. Its hash shows it is the data of the file as it is now.
 */
function builtIn<T>(kind: 'models' | 'questionnaires', id: string): T {
  const compiled = JSON.parse(readFileSync(join(root, 'dist', 'builtin', kind, `${id}.json`), 'utf8')) as { sha256: string; data: T };
  expect(compiled.sha256, `dist/builtin/${kind}/${id}.json is of the current ${kind}/${id}.yaml (run npm run build)`).toBe(
    createHash('sha256')
      .update(readFileSync(join(root, kind, `${id}.yaml`)))
      .digest('hex'),
  );
  return compiled.data;
}
const model = builtIn<{ initiatives: Array<{ id: string; doneWhen?: Cond; raises: Array<{ dimension: string }> }> }>('models', 'itaas');
const questionnaire = builtIn<{ sections: Array<{ questions: Array<{ id: string; dimension: string; options: Array<{ id: string; level: number }> }> }> }>('questionnaires', 'itaas-core');
/** The Northwind example's answers, a copy to change each time. */
const northwindData = (() => {
  const data = parse(readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8')) as Record<string, unknown>;
  return () => structuredClone(data);
})();
const questions = questionnaire.sections.flatMap((s) => s.questions);

function holds(c: Cond, choice: ReadonlyMap<string, string>): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, choice));
  if ('any' in c) return c.any.some((x) => holds(x, choice));
  if ('not' in c) return !holds(c.not, choice);
  const v = choice.get(c.question);
  if (v === undefined) return false;
  return c.in ? c.in.includes(v) : !c.notIn!.includes(v);
}

/** The median answer per question (the lower middle one), worked out here from the report's own responses. */
function medianChoices(r: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of r.questions) {
    const answered = q.responses.filter((x) => x.status === 'answered').sort((a, b) => a.level! - b.level!);
    if (answered.length) out.set(q.id, answered[(answered.length - 1) >> 1]!.option!);
  }
  return out;
}

const jsonName = (file: string) =>
  file
    .split('/')
    .pop()!
    .replace(/\.yaml$/, '.json');

function report(file: string, args: string[]): Report {
  const out = tempDir('itaas-roadmap-');
  const r = itaas(['report', file, '--out', out, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(readFileSync(join(out, jsonName(file)), 'utf8')) as Report;
}

/** Northwind's answers with every automation question answered at level 4, in all respondents. */
function automated(): string {
  const answers = northwindData() as { respondents: Array<{ answers: Record<string, unknown> }> };
  for (const q of questions.filter((x) => x.dimension === 'automation')) {
    const top = q.options.find((o) => o.level === 4)!.id;
    for (const p of answers.respondents) p.answers[q.id] = top;
  }
  const file = join(tempDir('itaas-level4-'), 'automated.yaml');
  writeFileSync(file, stringify(answers));
  return file;
}

/** Northwind's answers with a capacity and a start month of their own. */
function planned(): string {
  const answers = northwindData() as Record<string, unknown>;
  answers.roadmap = { capacity: 6, start: '2026-01' };
  const file = join(tempDir('itaas-plan-'), 'northwind-plan.yaml');
  writeFileSync(file, stringify(answers));
  return file;
}

const batch = ['examples/northwind-logistics.yaml', 'examples/meridian-health.yaml', automated(), planned()];
/**
 * The reports of the examples and of the changed answers above with the file's own plan, in JSON and Markdown, made by
 * one run; each test reads the one it is about. A plan from the command line needs a run of its own.
 */
const reported = once(() => {
  const out = tempDir('itaas-roadmap-');
  const r = itaas(['report', ...batch, '--out', out, '--format', 'json,md']);
  expect(r.code, r.stderr).toBe(0);
  return out;
});
const reportOf = (file: string): Report => JSON.parse(readFileSync(join(reported(), jsonName(file)), 'utf8')) as Report;

const items = (r: Report) => r.roadmap.waves.flatMap((w) => w.items);

describe.each(['examples/northwind-logistics.yaml', 'examples/meridian-health.yaml'])('the roadmap of %s', (file) => {
  const r = reportOf(file);
  const gates = new Map((r.phase.next?.blockers ?? []).map((b) => [b.dimension, b.min]));

  it('marks no step at or above the level the next phase needs as holding it back', () => {
    for (const it of items(r)) {
      for (const g of it.reason.gaps) {
        if (g.holdsBackPhase) expect(gates.has(g.dimension) && g.from < gates.get(g.dimension)!, `${it.id} ${g.dimension} ${g.from}->${g.to}`).toBe(true);
      }
    }
  });

  it('never claims more of a step than the step itself', () => {
    const claimed = new Map<string, { sum: number; size: number }>();
    for (const it of items(r)) {
      for (const g of it.reason.gaps) {
        const key = `${g.dimension} ${g.from}->${g.to}`;
        const c = claimed.get(key) ?? { sum: 0, size: g.to - g.from };
        c.sum += g.closes;
        claimed.set(key, c);
        expect(Math.floor(g.from + 1e-9), `${key} lies within one level step`).toBe(Math.ceil(g.to - 1e-9) - 1);
      }
    }
    expect(claimed.size).toBeGreaterThan(0);
    for (const [key, c] of claimed) expect(c.sum, key).toBeLessThanOrEqual(c.size + 1e-9);
  });

  it('keeps every item inside its wave', () => {
    for (const w of r.roadmap.waves)
      for (const it of w.items) expect(w.fromMonth <= it.start && it.end <= w.toMonth, `${it.id} ${it.start}-${it.end} in ${w.id} ${w.fromMonth}-${w.toMonth}`).toBe(true);
    expect(Math.max(...r.roadmap.waves.map((w) => w.toMonth))).toBe(r.roadmap.months);
  });

  it('proposes nothing the answers show to be done already, and credits it instead', () => {
    const choice = medianChoices(r);
    const done = model.initiatives.filter((i) => i.doneWhen && holds(i.doneWhen, choice)).map((i) => i.id);
    expect(done.length).toBeGreaterThan(0);
    const proposed = new Set(items(r).map((i) => i.id));
    for (const id of done) expect(proposed.has(id), id).toBe(false);
    expect(r.strengths.map((s) => s.id).sort()).toEqual([...done].sort());
  });

  it('starts the work on what holds back the next phase in the first wave', () => {
    const blocker = r.phase.next?.heldBackBy;
    if (!blocker) return;
    const path = items(r).filter((i) => i.blockerPath);
    const first = path.sort((a, b) => a.start - b.start)[0];
    expect(first, `an item on the path to the next phase (${blocker})`).toBeDefined();
    expect(r.roadmap.waves[0]!.items.map((i) => i.id)).toContain(first!.id);
    expect(r.roadmap.waves[0]!.items[0]!.blockerPath).toBe(true);
    expect(items(r).some((i) => i.blockerPath && i.reason.gaps.some((g) => g.dimension === blocker && g.holdsBackPhase))).toBe(true);
  });
});

describe('the Northwind roadmap', () => {
  const r = reportOf('examples/northwind-logistics.yaml');
  it('does not credit recovery plans for every critical system while most say only some systems have one', () => {
    expect(medianChoices(r).get('disaster-recovery-plan')).toBe('partial-plan');
    expect(r.strengths.map((s) => s.id)).not.toContain('remove-single-points-of-failure');
  });

  it('credits the yearly cost allocation and the portal launched last September', () => {
    const proposed = items(r).map((i) => i.id);
    expect(proposed).not.toContain('allocate-it-costs-to-business-units');
    expect(proposed).not.toContain('launch-self-service-portal');
    const credited = new Map(r.strengths.map((s) => [s.id, s]));
    expect(credited.get('allocate-it-costs-to-business-units')?.evidence).toEqual([expect.objectContaining({ question: 'cost-reporting-to-business', answer: 'A yearly allocation statement' })]);
    expect(credited.has('launch-self-service-portal')).toBe(true);
  });

  it('opens with automating provisioning, the work that holds back Phase II', () => {
    expect(r.phase.next?.heldBackBy).toBe('automation');
    expect(r.roadmap.waves[0]!.items[0]!.id).toBe('orchestrate-provisioning-workflows');
    expect(r.roadmap.waves[0]!.items[0]!.start).toBe(0);
  });

  it('reads as a whole in Markdown: the summary starts with the blocker and says the plan overruns', () => {
    const md = readFileSync(join(reported(), 'northwind-logistics.md'), 'utf8');
    const summary = md.slice(md.indexOf('## Executive summary'), md.indexOf('## Scores by axis'));
    expect(summary).toMatch(/held back most by Automation/);
    expect(summary).toMatch(/Start with:\n\n1\. \*\*Automate end-to-end provisioning/);
    expect(summary).toMatch(/more than the 24-month horizon/);
    expect(md).toContain('## Already in place');
    expect(md).toContain('### The roadmap by outcome');
    expect(md).toMatch(/\| CapEx savings \|/);
    expect(md).not.toMatch(/After 24 months/);
  });
});

describe('a dimension at level 4 everywhere', () => {
  it('gets no roadmap work and its initiatives are credited as strengths', () => {
    const r = reportOf(batch[2]!);
    for (const it of items(r))
      expect(
        it.reason.gaps.filter((g) => g.dimension === 'automation'),
        it.id,
      ).toEqual([]);
    const credited = r.strengths.map((s) => s.id);
    for (const id of ['share-and-version-scripts', 'standardise-build-templates', 'orchestrate-provisioning-workflows', 'automate-routine-operations']) expect(credited, id).toContain(id);
  });
});

describe('capacity and start date', () => {
  const base = reportOf('examples/northwind-logistics.yaml');

  it('come from the command line', () => {
    const wider = report('examples/northwind-logistics.yaml', ['--capacity', '6', '--start', '2025-09']);
    expect(wider.roadmap.capacity).toBe(6);
    expect(wider.roadmap.start).toBe('2025-09');
    expect(wider.roadmap.months).toBeLessThan(base.roadmap.months);
    expect(items(wider)[0]!.startMonth).toBe('2025-09');
    expect(base.roadmap.start).toBe('2025-03');
  });

  it('come from the answers file, and the command line overrides them', () => {
    const file = batch[3]!;
    const fromFile = reportOf(file);
    expect(fromFile.roadmap.capacity).toBe(6);
    expect(fromFile.roadmap.months).toBeLessThan(base.roadmap.months);
    expect(items(fromFile)[0]!.startMonth).toBe('2026-01');
    const overridden = report(file, ['--capacity', '2', '--start', '2026-04']);
    expect(overridden.roadmap.capacity).toBe(2);
    expect(overridden.roadmap.months).toBeGreaterThan(base.roadmap.months);
    expect(overridden.roadmap.start).toBe('2026-04');
  });

  it('refuse values that make no sense, naming the option (exit 2)', () => {
    const out = tempDir('itaas-plan-bad-');
    const bad = itaas(['report', 'examples/northwind-logistics.yaml', '--out', out, '--capacity', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--capacity 0');
    const month = itaas(['report', 'examples/northwind-logistics.yaml', '--out', out, '--start', '2025-13']);
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('YYYY-MM');
    const answers = northwindData() as Record<string, unknown>;
    answers.roadmap = { capacity: 2.5 };
    const file = join(out, 'half.yaml');
    writeFileSync(file, stringify(answers));
    const half = itaas(['report', file, '--out', out]);
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/capacity.*whole number/);
  });
});
