import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { planMigration } from '../core/migrate.js';
import type { MigrationPlan } from '../core/migrate.js';
import { acquireLock, realTarget } from '../interview/lock.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { canonicalJson, questionnaireHash } from '../load/hash.js';
import { loadQuestionnaire, resolveRef } from '../load/index.js';
import { migrationRulesPath } from '../load/migrations.js';
import { formatProblem, UserError } from '../errors.js';
import { answersRules } from '../load/rules.js';
import { loadYamlFile, parseYaml } from '../load/safe-yaml.js';
import type { YamlFile } from '../load/yaml-file.js';
import { schemaProblems } from '../load/validate-schema.js';
import { Answers } from '../schema/answers.js';
import { Migration } from '../schema/migration.js';

export interface MigrateSummary {
  file: string;
  /** The version the file was for, and the one it is for now (or would be, on a dry run). */
  from: string;
  to: string;
  /** Null when the file was already for the current version. */
  plan: MigrationPlan | null;
  written: boolean;
}

/** The rules from `version` of questionnaire `id` to the next, or undefined when none ship. */
function migrationRules(id: string, version: string): Migration | undefined {
  const path = migrationRulesPath(id, version);
  if (!path) return undefined;
  const { data, problems } = schemaProblems(loadYamlFile(path), Migration);
  if (!data) throw new Error(`built-in migration rules ${path} are broken:\n${problems.map(formatProblem).join('\n')}`);
  return data;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

const header = (plan: MigrationPlan) => `Given against ${plan.questionnaire} ${plan.from}; the question changed in ${plan.to}, so this answer is to be asked again:`;

/** The comment that keeps an answer taken out, beside the respondent's other answers. */
function droppedComment(plan: MigrationPlan, question: string, option: string, note: string | undefined): string {
  return [` ${header(plan)}`, ` ${question}: ${option}`, ...(note ? [` note: ${flat(note)}`] : [])].join('\n');
}

/** Takes the answer out of the map, keeping its comments and the answer itself in a comment before the next one. */
function takeOut(map: YAMLMap, question: string, comment: string): void {
  const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === question);
  if (at < 0) return;
  const [pair] = map.items.splice(at, 1) as [Pair];
  const own = isScalar(pair.key) ? pair.key.commentBefore : undefined;
  const text = [own, comment].filter(Boolean).join('\n');
  const next = map.items[at];
  if (next && isScalar(next.key)) next.key.commentBefore = [text, next.key.commentBefore].filter(Boolean).join('\n');
  else map.comment = [map.comment, text].filter(Boolean).join('\n');
}

/** The plan applied by serialising the edited document again: for files whose answers share lines (flow style). */
function reserialise(yamlFile: YamlFile, plan: MigrationPlan, hash: string): string {
  const doc = yamlFile.doc.clone();
  doc.setIn(['questionnaire', 'version'], plan.to);
  doc.setIn(['questionnaire', 'hash'], hash);
  plan.respondents.forEach((migration, i) => {
    const node = doc.getIn(['respondents', i], true);
    if (!isMap(node)) return;
    const answers = node.get('answers', true);
    if (isMap(answers)) for (const dropped of migration.dropped) takeOut(answers, dropped.question, droppedComment(plan, dropped.question, dropped.option, dropped.note));
    if (migration.reopened) node.set('completed', false);
  });
  const text = doc.toString({ lineWidth: 0 });
  return /\r\n/.test(yamlFile.text) ? text.replace(/\r?\n/g, '\r\n') : text;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * The plan applied as edits to the file's own text, so that every line it does not change stays byte for
 * byte as it was (folded notes, quoting, blank lines, comments). An answer taken out is commented out
 * where it stood, under a line saying why. Undefined when the file's layout does not allow it.
 */
function editInPlace(yamlFile: YamlFile, plan: MigrationPlan, hash: string): string | undefined {
  const src = yamlFile.text;
  const eol = /\r\n/.test(src) ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const lineStart = (at: number) => src.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const lineEnd = src.indexOf('\n', at);
    return lineEnd < 0 ? src.length : lineEnd + 1;
  };
  const scalarAt = (path: Array<string | number>) => {
    const node = yamlFile.doc.getIn(path, true);
    return isScalar(node) && node.range ? node : undefined;
  };
  const version = scalarAt(['questionnaire', 'version']);
  if (!version?.range) return undefined;
  edits.push({ from: version.range[0], to: version.range[1], text: plan.to });
  const oldHash = scalarAt(['questionnaire', 'hash']);
  if (oldHash?.range) edits.push({ from: oldHash.range[0], to: oldHash.range[1], text: hash });
  else {
    const block = yamlFile.doc.get('questionnaire', true);
    if (!isMap(block)) return undefined;
    const key = block.items.find((p) => isScalar(p.key) && p.key.value === 'version')!.key as { range?: [number, number, number] };
    if (!key.range) return undefined;
    const indent = src.slice(lineStart(key.range[0]), key.range[0]);
    edits.push({ from: version.range[1], to: version.range[1], text: block.flow ? `, hash: ${hash}` : `${eol}${indent}hash: ${hash}` });
  }
  for (const [i, migration] of plan.respondents.entries()) {
    const node = yamlFile.doc.getIn(['respondents', i], true);
    if (!isMap(node)) return undefined;
    if (migration.reopened) {
      const done = scalarAt(['respondents', i, 'completed']);
      if (!done?.range) return undefined;
      edits.push({ from: done.range[0], to: done.range[1], text: 'false' });
    }
    const answers = node.get('answers', true);
    if (!migration.dropped.length) continue;
    if (!isMap(answers) || answers.flow) return undefined;
    for (const dropped of migration.dropped) {
      const pair = answers.items.find((p) => isScalar(p.key) && p.key.value === dropped.question);
      const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      const valueRange = (pair?.value as { range?: [number, number, number] } | undefined)?.range;
      if (!keyRange || !valueRange) return undefined;
      const from = lineStart(keyRange[0]);
      const indent = src.slice(from, keyRange[0]);
      // The answer must stand on lines of its own.
      if (indent.trim() !== '') return undefined;
      const to = lineEnd(Math.max(keyRange[0], valueRange[1] - 1));
      if (src.slice(valueRange[1], to).trim() !== '' && !src.slice(valueRange[1], to).trim().startsWith('#')) return undefined;
      const lines = src
        .slice(from, to)
        .replace(/\r?\n$/, '')
        .split(/\r?\n/);
      const commented = lines.map((l) => (l.startsWith(indent) ? `${indent}# ${l.slice(indent.length)}` : `${indent}# ${l.trimStart()}`).trimEnd());
      edits.push({ from, to, text: [`${indent}# ${header(plan)}`, ...commented].join(eol) + eol });
    }
  }
  edits.sort((a, b) => b.from - a.from);
  let out = src;
  for (const edit of edits) out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}

/** What the file holds once migrated, to check the new text against. */
function expected(data: Answers, plan: MigrationPlan, hash: string): Answers {
  const out = structuredClone(data);
  out.questionnaire.version = plan.to;
  out.questionnaire.hash = hash;
  plan.respondents.forEach((migration, i) => {
    const respondent = out.respondents[i]!;
    for (const dropped of migration.dropped) delete respondent.answers[dropped.question];
    if (migration.reopened) respondent.completed = false;
  });
  return out;
}

/**
 * Carries an answers file over to the current version of its built-in questionnaire, by the rules in
 * questionnaires/migrations/. Under the file's lock; the new text is checked as answers to the new
 * version before it replaces the file in one atomic write. A dry run only plans.
 */
export function runMigrate(file: string, opts: { dryRun?: boolean } = {}): MigrateSummary {
  const lock = opts.dryRun ? undefined : acquireLock(file, 'migrate');
  try {
    const yamlFile = loadYamlFile(file);
    const { data, problems } = schemaProblems(yamlFile, Answers);
    if (!data) throw new UserError(`${file} is not an answers file that can be migrated:\n${problems.map(formatProblem).join('\n')}`, problems);
    const { id, version, path } = data.questionnaire;
    if (path) throw new UserError(`${file} names its own questionnaire file (${path}); itaas migrate carries answers between versions of the built-in questionnaires only`);
    const { questionnaire, model } = loadQuestionnaire(resolveRef(id, 'questionnaires', process.cwd()));
    const target = questionnaire.data;
    if (version === target.version) return { file, from: version, to: version, plan: null, written: false };
    const rules = migrationRules(id, version);
    if (!rules || rules.to !== target.version) {
      throw new UserError(`${file} holds answers to ${id} ${version}; this itaas has ${id} ${target.version} and knows no way to carry answers over from ${version}. The file was left unchanged.`);
    }
    const plan = planMigration(rules, target, data);
    const hash = questionnaireHash(target);
    const want = canonicalJson(expected(data, plan, hash));
    // Edited in place where the layout allows (every other line unchanged), else serialised again; either way checked.
    const inPlace = editInPlace(yamlFile, plan, hash);
    const text = inPlace !== undefined && canonicalJson(Answers.parse(parseYaml(file, inPlace).data)) === want ? inPlace : reserialise(yamlFile, plan, hash);
    const reread = parseYaml(file, text);
    const back = schemaProblems(reread, Answers);
    if (back.data && canonicalJson(back.data) !== want) throw new Error(`migrating ${file} would not give the planned answers`);
    const errors = back.data ? answersRules(reread, back.data, target, model.data).filter((p) => p.severity === 'error') : back.problems;
    if (errors.length) {
      throw new UserError(`${file} cannot be carried over to ${id} ${target.version}; it was left unchanged:\n${errors.map(formatProblem).join('\n')}`, errors);
    }
    if (!opts.dryRun) writeFileAtomicSync(realTarget(file), text, { shownAs: file });
    return { file, from: version, to: target.version, plan, written: !opts.dryRun };
  } finally {
    lock?.release();
  }
}
