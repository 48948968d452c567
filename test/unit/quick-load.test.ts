/**
 * The happy path (a generated validator, no zod) and the full loader (zod) must agree on every file:
 * the same problems, worded the same, at the same places, and the same data for a valid file. Checked
 * on the examples, the hostile and malformed fixtures, and many mutations of the examples.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkFile, loadAssessment } from '../../src/load/index.js';
import { checkFileQuickly, loadAssessmentQuickly } from '../../src/load/quick.js';
import { MAX_FILE_BYTES } from '../../src/load/yaml-file.js';
import { Answers } from '../../src/schema/answers.js';
import { order, validate } from '../../src/schema/validators/answers.js';
import { fixtures, root, tempDir } from '../helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: mutated copies of parsed YAML are reached into freely
type Obj = Record<string, any>;

const examples = ['examples/northwind-logistics.yaml', 'examples/meridian-health.yaml'].map((p) => join(root, p));
// The mutations change the assessment, the targets and the first respondent: the example with only that
// respondent (a third of its size, so a third of the reading) keeps everything they reach into. The examples
// themselves, all respondents, are checked whole below.
const base = parse(readFileSync(examples[0]!, 'utf8')) as Obj;
base.respondents = base.respondents.slice(0, 1);
const firstQuestion = Object.keys(base.respondents[0].answers)[0]!;

/** Each mutation of the first example changes one thing a person might get wrong (or right). */
const mutations: Array<[string, (d: Obj) => void]> = [
  ['nothing', () => {}],
  ['keys in another order', (d) => (d.assessment = Object.fromEntries(Object.entries(d.assessment).reverse()))],
  ['respondents first', (d) => Object.assign(d, Object.fromEntries(Object.entries(d).reverse()))],
  ['no respondents', (d) => delete d.respondents],
  ['respondent without answers', (d) => delete d.respondents[0].answers],
  ['respondents null', (d) => (d.respondents = null)],
  ['kind missing', (d) => delete d.kind],
  ['kind wrong', (d) => (d.kind = 'answer')],
  ['unknown top-level key', (d) => (d.extra = 1)],
  ['unknown assessment key', (d) => (d.assessment.organization = 'x')],
  ['unknown answer key', (d) => (d.respondents[0].answers[firstQuestion] = { option: 'x', notes: 'y' })],
  ['organisation empty', (d) => (d.assessment.organisation = '')],
  ['organisation 200 chars', (d) => (d.assessment.organisation = 'x'.repeat(200))],
  ['organisation 201 chars', (d) => (d.assessment.organisation = 'x'.repeat(201))],
  ['organisation 199 chars and an emoji', (d) => (d.assessment.organisation = `${'x'.repeat(199)}\u{1F600}`)],
  ['organisation a number', (d) => (d.assessment.organisation = 42)],
  ['organisation a list', (d) => (d.assessment.organisation = ['a'])],
  ['scope 501 chars', (d) => (d.assessment.scope = 'y'.repeat(501))],
  ['date a leap day', (d) => (d.assessment.date = '2024-02-29')],
  ['date a leap day of 2000', (d) => (d.assessment.date = '2000-02-29')],
  ['date 29 February 1900', (d) => (d.assessment.date = '1900-02-29')],
  ['date 29 February 2025', (d) => (d.assessment.date = '2025-02-29')],
  ['date 31 April', (d) => (d.assessment.date = '2025-04-31')],
  ['date month 13', (d) => (d.assessment.date = '2025-13-01')],
  ['date day 00', (d) => (d.assessment.date = '2025-01-00')],
  ['date written the American way', (d) => (d.assessment.date = '12/03/2025')],
  ['date with a time', (d) => (d.assessment.date = '2025-03-12T10:00:00Z')],
  ['date a number', (d) => (d.assessment.date = 20250312)],
  ['questionnaire id not a slug', (d) => (d.questionnaire.id = 'ITaaS Core')],
  ['questionnaire id 65 chars', (d) => (d.questionnaire.id = `a${'b'.repeat(64)}`)],
  ['version not semver', (d) => (d.questionnaire.version = '1.0')],
  ['version a number', (d) => (d.questionnaire.version = 1)],
  ['version with a pre-release', (d) => (d.questionnaire.version = '1.0.0-rc.1')],
  ['unknown built-in questionnaire', (d) => (d.questionnaire.id = 'no-such-questionnaire')],
  ['targets fine', (d) => (d.targets = { automation: 4 })],
  ['target above 10', (d) => (d.targets = { automation: 10.5 })],
  ['target negative', (d) => (d.targets = { automation: -1 })],
  ['target infinite', (d) => (d.targets = { automation: Infinity })],
  ['target not a number', (d) => (d.targets = { automation: NaN })],
  ['target a string', (d) => (d.targets = { automation: '4' })],
  ['target key not a slug', (d) => (d.targets = { Automation: 4 })],
  ['targets a list', (d) => (d.targets = [4])],
  ['answer a number', (d) => (d.respondents[0].answers[firstQuestion] = 3)],
  ['answer empty', (d) => (d.respondents[0].answers[firstQuestion] = '')],
  ['answer null', (d) => (d.respondents[0].answers[firstQuestion] = null)],
  ['answer with an empty option', (d) => (d.respondents[0].answers[firstQuestion] = { option: '' })],
  ['answer with a note as a number', (d) => (d.respondents[0].answers[firstQuestion] = { option: 'x', note: 5 })],
  ['answer an unknown option', (d) => (d.respondents[0].answers[firstQuestion] = 'no-such-option')],
  ['answer to an unknown question', (d) => (d.respondents[0].answers['no-such-question'] = 'x')],
  ['answer key not a slug', (d) => (d.respondents[0].answers['Not A Slug'] = 'x')],
  ['answers a list', (d) => (d.respondents[0].answers = ['x'])],
  ['respondent name missing', (d) => delete d.respondents[0].name],
  ['respondent role 201 chars', (d) => (d.respondents[0].role = 'r'.repeat(201))],
  ['completed a string', (d) => (d.respondents[0].completed = 'yes')],
  ['completed true', (d) => (d.respondents[0].completed = true)],
  ['updated with an offset', (d) => (d.respondents[0].updated = '2025-03-12T10:00:00+01:00')],
  ['updated in UTC', (d) => (d.respondents[0].updated = '2025-03-12T10:00:00Z')],
  ['updated without an offset', (d) => (d.respondents[0].updated = '2025-03-12T10:00:00')],
  ['updated on a day that does not exist', (d) => (d.respondents[0].updated = '2025-02-30T10:00:00Z')],
  ['updated a date only', (d) => (d.respondents[0].updated = '2025-03-12')],
  ['top level a list', (d) => Object.assign(d, { __list: true })],
  [
    'every error at once',
    (d) => {
      d.kind = 'answers';
      d.assessment.date = '2025-02-30';
      d.assessment.organisation = '';
      d.respondents[0].answers[firstQuestion] = 7;
      d.targets = { automation: 11 };
      d.surplus = true;
    },
  ],
];

const dir = tempDir();
const mutated = mutations.map(([name, mutate], i) => {
  const d = structuredClone(base);
  mutate(d);
  const file = join(dir, `mutation-${String(i).padStart(2, '0')}.yaml`);
  writeFileSync(file, d.__list ? stringify([1, 2]) : stringify(d));
  return [name, file] as const;
});
const corpus: Array<readonly [string, string]> = [
  ...examples.map((f) => [f, f] as const),
  ['hostile answers', join(fixtures, 'hostile-answers.yaml')],
  ['second model answers', join(fixtures, 'second-model', 'data-answers.yaml')],
  ...readdirSync(join(fixtures, 'malformed'))
    .sort()
    .map((f) => [`malformed ${f}`, join(fixtures, 'malformed', f)] as const),
  ...mutated,
];

/** What a load gives: the data, or the error a person sees. */
async function outcome(load: () => unknown) {
  try {
    const a = (await load()) as { answers: { data: unknown }; warnings: unknown[] };
    return { data: JSON.stringify(a.answers.data), warnings: a.warnings };
  } catch (e) {
    return { error: (e as Error).message, name: (e as Error).constructor.name, problems: (e as { problems?: unknown }).problems };
  }
}

/** Files a validator can see: one over the size limit is refused before it is parsed (both loaders alike, below). */
const readable = corpus.filter(([, file]) => !existsSync(file) || statSync(file).isDirectory() || statSync(file).size <= MAX_FILE_BYTES);

describe('the generated answers validator', () => {
  it('sees every file but the one over the size limit', () => {
    expect(corpus.length - readable.length).toBe(1);
  });

  it.each(readable)('agrees with zod on %s', (_name, file) => {
    let data: unknown;
    try {
      // Warnings (an unknown tag) are the loader's to report; here only the data counts.
      data = parse(readFileSync(file, 'utf8'), { logLevel: 'error' });
    } catch {
      return expect(() => checkFile(file)).not.toThrow(); // not YAML at all: only the full loader reads it
    }
    const z = Answers.safeParse(data);
    const copy = structuredClone(data);
    const ok = data !== null && typeof data === 'object' && validate(copy);
    expect(ok).toBe(z.success);
  });

  it("knows every key zod knows, in zod's order", () => {
    expect(Object.keys(order.keys)).toEqual(Object.keys(Answers.shape));
  });
});

describe('validate and report on the happy path', { timeout: 60_000 }, () => {
  it.each(corpus)('find the same problems as the full loader in %s', async (_name, file) => {
    expect(await checkFileQuickly(file)).toEqual(checkFile(file));
    expect(await outcome(() => loadAssessmentQuickly(file))).toEqual(await outcome(() => loadAssessment(file)));
  });

  it('give a valid file the data zod gives it, keys in the same order', async () => {
    const file = mutated.find(([n]) => n === 'keys in another order')![1];
    const quick = await loadAssessmentQuickly(file);
    expect(JSON.stringify(quick.answers.data)).toBe(JSON.stringify(Answers.parse(parse(readFileSync(file, 'utf8')))));
    expect(Object.keys(quick.answers.data.assessment)[0]).toBe('organisation');
  });
});
